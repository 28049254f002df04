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
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { AuthPayloadObject, UserObject } from './dto/user.object';
import { PasswordChangeService } from './password-change.service';

@Resolver(() => UserObject)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccountAccessService,
    private readonly passwords: PasswordChangeService,
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

  @Mutation(() => AuthPayloadObject, {
    description:
      "Sets a new password (the registration policy applies) given the current one; every other session of the caller's ends, and the token returned replaces theirs.",
  })
  async changePassword(
    @CurrentUser() actor: AuthUser,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadObject> {
    const { accessToken, user } = await this.passwords.changePassword(
      actor,
      currentPassword,
      newPassword,
      context.req.ip,
    );
    return { accessToken, user: UserObject.from(user) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Emails a single-use link to reset the password, if the email belongs to an enabled account. Always true: it never says whether there is one.',
  })
  async requestPasswordReset(
    @Args('email') email: string,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    await this.passwords.requestPasswordReset(email, context.req.ip);
    return true;
  }

  @Public()
  @Mutation(() => AuthPayloadObject, {
    description:
      "Sets a new password with the token of an emailed reset link (once, before it expires) and signs in; the account's other sessions end.",
  })
  async resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayloadObject> {
    const { accessToken, user } = await this.passwords.resetPassword(token, newPassword);
    return { accessToken, user: UserObject.from(user) };
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
