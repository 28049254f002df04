import { AuthUser, CurrentUser, Public, RequestContext, RequestLoaders, Loaders, Role, Roles } from '@app/core';
import { OrganisationObject } from '@app/organisations/dto/organisation.object';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { AuthPayloadObject, UserObject } from './dto/user.object';
import { CreateStaffUserInput } from './dto/create-staff-user.input';

@Resolver(() => UserObject)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadObject)
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadObject> {
    const { accessToken, user } = await this.auth.login(email, password, context.req.ip);
    return { accessToken, user: UserObject.from(user) };
  }

  /** The signed-in user, or null without a valid token. */
  @Public()
  @Query(() => UserObject, { nullable: true })
  async me(@CurrentUser() user: AuthUser | null): Promise<UserObject | null> {
    if (!user) return null;
    const found = await this.auth.findUser(user.id);
    return found ? UserObject.from(found) : null;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserObject)
  async createStaffUser(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateStaffUserInput,
  ): Promise<UserObject> {
    return UserObject.from(await this.auth.createStaffUser(actor, input));
  }

  @ResolveField(() => OrganisationObject, { nullable: true })
  organisation(@Parent() user: UserObject, @Loaders() loaders: RequestLoaders): Promise<OrganisationObject | null> | null {
    if (!user.organisationId) return null;
    return loaders.get<string, OrganisationObject | null>('organisationById').load(user.organisationId);
  }
}
