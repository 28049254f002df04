import { AuthUser, CurrentUser, Loaders, RequestLoaders, Role, Roles } from '@app/core';
import { OrganisationObject } from '@app/organisations';
import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ServiceMatchObject } from '../dto/service-match.object';
import { ServiceSearchInput } from '../dto/service-search.input';
import { SearchRateLimitGuard } from './search-rate-limit.guard';
import { ServiceSearchService } from './service-search.service';

@Resolver(() => ServiceMatchObject)
export class ServiceSearchResolver {
  constructor(private readonly search: ServiceSearchService) {}

  @Roles(Role.PRISON_STAFF, Role.COORDINATOR, Role.ADMIN)
  @UseGuards(SearchRateLimitGuard)
  @Query(() => [ServiceMatchObject])
  async searchServices(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: ServiceSearchInput,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ServiceMatchObject[]> {
    const matches = await this.search.search(actor, input);
    // The search statement already read each organisation: Scheme.organisation needs no query.
    const organisations = loaders.get<string, OrganisationObject | null>('organisationById');
    for (const match of matches) organisations.prime(match.organisation.id, match.organisation);
    return matches.map(({ organisation: _organisation, ...match }) => match);
  }
}
