import { AuthUser, CurrentUser, EntityId, Loaders, RequestLoaders, Role, Roles } from '@app/core';
import { OrganisationObject } from '@app/organisations';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { CreateSchemeInput } from './dto/create-scheme.input';
import { SchemeConnectionObject } from './dto/scheme-connection.object';
import { SchemeObject } from './dto/scheme.object';
import { SchemesArgs } from './dto/schemes.args';
import { UpdateSchemeInput } from './dto/update-scheme.input';
import { SchemesService } from './schemes.service';

@Resolver(() => SchemeObject)
export class SchemesResolver {
  constructor(private readonly service: SchemesService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SchemeObject)
  async createScheme(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateSchemeInput,
  ): Promise<SchemeObject> {
    return SchemeObject.from(await this.service.create(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => SchemeObject)
  async updateScheme(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Scheme')) id: string,
    @Args('input') input: UpdateSchemeInput,
  ): Promise<SchemeObject> {
    return SchemeObject.from(await this.service.update(actor, id, input));
  }

  /** Null when there is no such scheme or the caller may not see it. */
  @Query(() => SchemeObject, { nullable: true })
  async scheme(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SchemeObject | null> {
    if (!isUUID(id)) return null;
    const scheme = await this.service.findVisible(actor, id);
    return scheme ? SchemeObject.from(scheme) : null;
  }

  @Query(() => SchemeConnectionObject)
  schemes(
    @CurrentUser() actor: AuthUser,
    @Args() args: SchemesArgs,
  ): Promise<SchemeConnectionObject> {
    return this.service.page(actor, args);
  }

  @ResolveField(() => OrganisationObject)
  async organisation(
    @Parent() scheme: SchemeObject,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationObject> {
    const organisation = await loaders
      .get<string, OrganisationObject | null>('organisationById')
      .load(scheme.organisationId);
    if (!organisation) throw new Error(`scheme ${scheme.id} has no organisation`);
    return organisation;
  }
}
