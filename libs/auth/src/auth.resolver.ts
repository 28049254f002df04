import {
  AuthUser,
  CurrentUser,
  EntityId,
  Loaders,
  Public,
  RequestContext,
  RequestLoaders,
  Role,
  Roles,
} from '@app/core';
import { OrganisationObject } from '@app/organisations/dto/organisation.object';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AccountAccessService } from './account-access.service';
import { AuthService } from './auth.service';
import { AuthPayloadObject, UserObject } from './dto/user.object';
import { CreateStaffUserInput } from './dto/create-staff-user.input';

@Resolver(() => UserObject)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccountAccessService,
  ) {}

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

  @Roles(Role.ADMIN)
  @Mutation(() => UserObject, {
    description:
      'Stops the account signing in and ends its tokens at once (an ADMIN cannot disable themselves).',
  })
  async disableUser(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('User')) id: string,
  ): Promise<UserObject> {
    return UserObject.from(await this.access.disable(actor, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserObject, {
    description: 'Lets a disabled account sign in again; its tokens from before stay ended.',
  })
  async enableUser(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('User')) id: string,
  ): Promise<UserObject> {
    return UserObject.from(await this.access.enable(actor, id));
  }

  @Mutation(() => Boolean, {
    description: "Ends every token of the caller's, this one included; sign in again afterwards.",
  })
  async signOutEverywhere(@CurrentUser() actor: AuthUser): Promise<boolean> {
    await this.access.signOutEverywhere(actor);
    return true;
  }

  @ResolveField(() => OrganisationObject, { nullable: true })
  organisation(
    @Parent() user: UserObject,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationObject | null> | null {
    if (!user.organisationId) return null;
    return loaders
      .get<string, OrganisationObject | null>('organisationById')
      .load(user.organisationId);
  }
}
