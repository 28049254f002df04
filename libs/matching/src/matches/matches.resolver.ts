import {
  AuthUser,
  CurrentUser,
  DomainError,
  EntityId,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@app/core';
import { VolunteerProfileObject, canReach } from '@app/volunteers';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReferralObject } from '../referrals/dto/referral.object';
import { canSeeReferral } from '../referrals/referral-access';
import { isCurrentMentorOf } from './current-mentor';
import { MatchObject } from './dto/match.object';
import { ExcludedMentorObject, MentorSuggestionObject } from './dto/mentor-suggestion.object';
import { MatchQueries } from './match-queries.service';
import { MatchStatus } from './match-status';
import { MentorSuggestions } from './mentor-suggestions.service';
import { ProposeMatch } from './propose-match.service';
import { RespondToMatch } from './respond-to-match.service';

@Resolver(() => MatchObject)
export class MatchesResolver {
  constructor(
    private readonly suggestions: MentorSuggestions,
    private readonly propose: ProposeMatch,
    private readonly respond: RespondToMatch,
    private readonly queries: MatchQueries,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [MentorSuggestionObject])
  async suggestMentors(
    @CurrentUser() actor: AuthUser,
    @Args('referralId', { type: () => ID }, new EntityId('Referral')) referralId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<MentorSuggestionObject[]> {
    return (await this.suggestions.suggest(actor, referralId, first)).map(
      MentorSuggestionObject.from,
    );
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [ExcludedMentorObject])
  async excludedMentors(
    @CurrentUser() actor: AuthUser,
    @Args('referralId', { type: () => ID }, new EntityId('Referral')) referralId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<ExcludedMentorObject[]> {
    return (await this.suggestions.excluded(actor, referralId, first)).map(
      ExcludedMentorObject.from,
    );
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => MatchObject)
  async proposeMatch(
    @CurrentUser() actor: AuthUser,
    @Args('referralId', { type: () => ID }, new EntityId('Referral')) referralId: string,
    @Args('volunteerId', { type: () => ID }, new EntityId('Volunteer')) volunteerId: string,
  ): Promise<MatchObject> {
    return MatchObject.from(await this.propose.execute(actor, referralId, volunteerId));
  }

  @Roles(Role.MENTOR)
  @Mutation(() => MatchObject)
  async respondToMatch(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Match')) id: string,
    @Args('accept') accept: boolean,
  ): Promise<MatchObject> {
    return MatchObject.from(await this.respond.execute(actor, id, accept));
  }

  @Roles(Role.MENTOR)
  @Query(() => [MatchObject])
  async myMatches(@CurrentUser() actor: AuthUser): Promise<MatchObject[]> {
    return (await this.queries.mine(actor)).map(MatchObject.from);
  }

  /** Only those who may reach the volunteer: the organisation, an admin, the mentor; not the prison. */
  @ResolveField(() => VolunteerProfileObject)
  async volunteer(
    @Parent() match: MatchObject,
    @CurrentUser() actor: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<VolunteerProfileObject> {
    const volunteer = await loaders
      .get<string, VolunteerProfileObject | null>('matchVolunteerById')
      .load(match.volunteerId);
    if (!volunteer) throw DomainError.notFound('Volunteer');
    if (!canReach(actor, volunteer))
      throw DomainError.forbidden("The mentor's profile is the organisation's to see");
    return volunteer;
  }

  /**
   * The mentor sees the referral of their own match while it is proposed, accepted or ended (their
   * mentee); not once they declined it, nor once they are withdrawn or rejected. Others see it as
   * referral(id) would show it.
   */
  @ResolveField(() => ReferralObject)
  async referral(
    @Parent() match: MatchObject,
    @CurrentUser() actor: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ReferralObject> {
    const referral = await loaders
      .get<string, ReferralObject | null>('referralById')
      .load(match.referralId);
    if (!referral) throw DomainError.notFound('Referral');
    if (actor.role === Role.MENTOR) {
      if (match.status !== MatchStatus.DECLINED && (await isCurrentMentorOf(match, actor, loaders)))
        return referral;
    } else if (canSeeReferral(actor, referral)) {
      return referral;
    }
    throw DomainError.forbidden();
  }
}

/**
 * Referral.match: the current (latest, not declined) match, for whoever sees the referral; a
 * mentor sees it only if it is theirs. Referral.matches: every match ever accepted, by the same rule.
 */
@Resolver(() => ReferralObject)
export class ReferralMatchResolver {
  @ResolveField(() => MatchObject, { nullable: true })
  async match(
    @Parent() referral: ReferralObject,
    @CurrentUser() actor: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<MatchObject | null> {
    const match = await loaders
      .get<string, MatchObject | null>('currentMatchByReferral')
      .load(referral.id);
    if (!match || actor.role !== Role.MENTOR) return match;
    return (await isCurrentMentorOf(match, actor, loaders)) ? match : null;
  }

  @ResolveField(() => [MatchObject], {
    description:
      "The referral's matches that were accepted at some point (ACCEPTED, ENDED; not PROPOSED or DECLINED), oldest first: the work of a mentor who left stays within reach after the referral is matched again. A mentor sees only their own, while still volunteering; prison staff see their status and dates, not the mentor.",
  })
  async matches(
    @Parent() referral: ReferralObject,
    @CurrentUser() actor: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<MatchObject[]> {
    const matches = await loaders
      .get<string, MatchObject[]>('acceptedMatchesByReferral')
      .load(referral.id);
    // The parent was checked on its way in; checking again costs nothing and guards any new path.
    if (actor.role !== Role.MENTOR) return canSeeReferral(actor, referral) ? matches : [];
    const own = await Promise.all(matches.map((match) => isCurrentMentorOf(match, actor, loaders)));
    return matches.filter((_, index) => own[index]);
  }
}
