import { AuthPayloadObject, UserObject } from '@app/auth';
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
import { OrganisationObject } from '@app/organisations';
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
import { RegisterMentorInput } from './dto/register-mentor.input';
import { UpdateVolunteerProfileInput } from './dto/update-volunteer-profile.input';
import { VolunteerConnection } from './dto/volunteer-connection.object';
import { VolunteerProfileObject } from './dto/volunteer-profile.object';
import { SetVolunteerStatusArgs, VolunteerIdArgs, VolunteersArgs } from './dto/volunteers.args';
import { MentorRegistrationService } from './mentor-registration.service';
import { RegistrationLimit } from './registration-limit';
import { VolunteerProfileService } from './volunteer-profile.service';
import { VolunteerStatusService } from './volunteer-status.service';
import { VolunteersService } from './volunteers.service';

/**
 * Operations on volunteers. Who may see which volunteer is decided once, when the profile is
 * fetched; `user` and `organisation` then only follow a profile the caller already reached.
 */
@Resolver(() => VolunteerProfileObject)
export class VolunteersResolver {
  constructor(
    private readonly registration: MentorRegistrationService,
    private readonly reads: VolunteersService,
    private readonly statuses: VolunteerStatusService,
    private readonly profiles: VolunteerProfileService,
    private readonly registrations: RegistrationLimit,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadObject)
  async registerMentor(
    @Args('input') input: RegisterMentorInput,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadObject> {
    await this.registrations.count(context.req.ip);
    const { accessToken, user } = await this.registration.register(input);
    return { accessToken, user: UserObject.from(user) };
  }

  @Roles(Role.MENTOR)
  @Query(() => VolunteerProfileObject, { nullable: true })
  async myVolunteerProfile(@CurrentUser() actor: AuthUser): Promise<VolunteerProfileObject | null> {
    const profile = await this.reads.findOwn(actor);
    return profile ? VolunteerProfileObject.from(profile) : null;
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Query(() => VolunteerProfileObject, { nullable: true })
  async volunteer(
    @CurrentUser() actor: AuthUser,
    @Args() { id }: VolunteerIdArgs,
  ): Promise<VolunteerProfileObject> {
    return VolunteerProfileObject.from(await this.reads.findReachable(actor, id));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => VolunteerConnection)
  volunteers(
    @CurrentUser() actor: AuthUser,
    @Args() args: VolunteersArgs,
  ): Promise<VolunteerConnection> {
    return this.reads.list(actor, args);
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Mutation(() => VolunteerProfileObject)
  async setVolunteerStatus(
    @CurrentUser() actor: AuthUser,
    @Args() { id, status, reason }: SetVolunteerStatusArgs,
  ): Promise<VolunteerProfileObject> {
    return VolunteerProfileObject.from(await this.statuses.change(actor, id, status, reason));
  }

  /**
   * The mentor edits their own profile, or their organisation's coordinators (or an admin) edit
   * it; anyone else gets NOT_FOUND, as for `volunteer(id)`. Only the fields sent change.
   */
  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Mutation(() => VolunteerProfileObject)
  async updateVolunteerProfile(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Volunteer')) id: string,
    @Args('input') input: UpdateVolunteerProfileInput,
  ): Promise<VolunteerProfileObject> {
    return VolunteerProfileObject.from(await this.profiles.update(actor, id, input));
  }

  @ResolveField(() => UserObject)
  user(
    @Parent() volunteer: VolunteerProfileObject,
    @Loaders() loaders: RequestLoaders,
  ): Promise<UserObject | null> {
    return loaders.get<string, UserObject | null>('userById').load(volunteer.userId);
  }

  @ResolveField(() => OrganisationObject, { nullable: true })
  organisation(
    @Parent() volunteer: VolunteerProfileObject,
    @Loaders() loaders: RequestLoaders,
  ): Promise<OrganisationObject | null> | null {
    if (!volunteer.organisationId) return null;
    return loaders
      .get<string, OrganisationObject | null>('organisationById')
      .load(volunteer.organisationId);
  }
}
