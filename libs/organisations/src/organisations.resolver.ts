import { AuthUser, CurrentUser, EntityId, Role, Roles } from '@app/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationConnectionObject } from './dto/organisation-connection.object';
import { OrganisationObject } from './dto/organisation.object';
import { OrganisationsArgs } from './dto/organisations.args';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationsService } from './organisations.service';

@Resolver(() => OrganisationObject)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => OrganisationObject)
  async createOrganisation(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<OrganisationObject> {
    return OrganisationObject.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => OrganisationObject, {
    description: "ADMIN, or the organisation's own coordinators. Only the fields sent change.",
  })
  async updateOrganisation(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Organisation')) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<OrganisationObject> {
    return OrganisationObject.from(await this.service.update(actor, id, input));
  }

  @Roles(Role.ADMIN)
  @Query(() => OrganisationConnectionObject, {
    description: 'Every organisation, oldest first (ADMIN).',
  })
  organisations(@Args() args: OrganisationsArgs): Promise<OrganisationConnectionObject> {
    return this.service.list(args);
  }
}
