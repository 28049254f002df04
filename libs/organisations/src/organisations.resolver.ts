import { AuthUser, CurrentUser, Role, Roles } from '@app/core';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationObject } from './dto/organisation.object';
import { OrganisationsService } from './organisations.service';

@Resolver(() => OrganisationObject)
export class OrganisationsResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => OrganisationObject)
  async createOrganisation(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<OrganisationObject> {
    return OrganisationObject.from(await this.organisations.create(actor, input));
  }
}
