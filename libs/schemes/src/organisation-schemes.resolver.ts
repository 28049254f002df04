import { AuthUser, CurrentUser, Loaders, RequestLoaders } from '@app/core';
import { OrganisationObject } from '@app/organisations';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SchemeObject } from './dto/scheme.object';
import { canSee } from './schemes.service';

/** Organisation.schemes lives here, so organisations need not know about schemes. */
@Resolver(() => OrganisationObject)
export class OrganisationSchemesResolver {
  /** Active schemes for everyone; inactive ones only for the organisation's coordinators and admins. */
  @ResolveField(() => [SchemeObject])
  async schemes(
    @Parent() organisation: OrganisationObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<SchemeObject[]> {
    const schemes = await loaders
      .get<string, SchemeObject[]>('schemesByOrganisation')
      .load(organisation.id);
    return schemes.filter((scheme) => (actor ? canSee(actor, scheme) : scheme.active));
  }
}
