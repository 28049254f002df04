import {
  AuthUser,
  CalendarDate,
  CurrentUser,
  DomainError,
  EntityId,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@app/core';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isCurrentMentorOf } from '../matches/current-mentor';
import { MatchObject } from '../matches/dto/match.object';
import { ReferralObject } from '../referrals/dto/referral.object';
import { LogSessionInput } from './dto/log-session.input';
import { MentoringSessionObject } from './dto/mentoring-session.object';
import { OutcomeRatingInput } from './dto/outcome-rating.input';
import { PathwayOutcomeObject } from './dto/pathway-outcome.object';
import { EndMatch } from './end-match.service';
import { LogSession } from './log-session.service';
import { OutcomeStage } from './outcome-stage';
import { OutcomeSummary } from './outcome-summary.service';
import { RecordOutcome } from './record-outcome.service';
import { SESSIONS_BY_MATCH } from './session-loaders';

/** The running relationship: sessions, ending a match, outcomes and their summary. */
@Resolver(() => MatchObject)
export class RelationshipResolver {
  constructor(
    private readonly logSessionService: LogSession,
    private readonly endMatchService: EndMatch,
    private readonly recordOutcomeService: RecordOutcome,
    private readonly summary: OutcomeSummary,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Mutation(() => MentoringSessionObject)
  async logSession(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: LogSessionInput,
  ): Promise<MentoringSessionObject> {
    return MentoringSessionObject.from(await this.logSessionService.execute(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Mutation(() => MatchObject)
  async endMatch(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Match')) id: string,
    @Args('reason') reason: string,
  ): Promise<MatchObject> {
    return MatchObject.from(await this.endMatchService.execute(actor, id, reason));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR, Role.MENTOR)
  @Mutation(() => MatchObject)
  async recordOutcome(
    @CurrentUser() actor: AuthUser,
    @Args('matchId', { type: () => ID }, new EntityId('Match')) matchId: string,
    @Args('stage', { type: () => OutcomeStage }) stage: OutcomeStage,
    @Args('ratings', { type: () => [OutcomeRatingInput] }) ratings: OutcomeRatingInput[],
  ): Promise<MatchObject> {
    return MatchObject.from(
      await this.recordOutcomeService.execute(actor, matchId, stage, ratings),
    );
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => [PathwayOutcomeObject])
  async outcomeSummary(
    @CurrentUser() actor: AuthUser,
    @Args('organisationId', { type: () => ID }, new EntityId('Organisation'))
    organisationId: string,
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
  ): Promise<PathwayOutcomeObject[]> {
    return (await this.summary.execute(actor, organisationId, from, to)).map(
      PathwayOutcomeObject.from,
    );
  }

  /**
   * The organisation's record of the work, for its coordinators, an admin and the match's own
   * mentor; not the prison (it sees that a match exists and its status).
   */
  @ResolveField(() => [MentoringSessionObject])
  async sessions(
    @Parent() match: MatchObject,
    @CurrentUser() actor: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<MentoringSessionObject[]> {
    if (!(await this.worksOn(actor, match, loaders)))
      throw DomainError.forbidden("The sessions are the organisation's to see");
    return loaders.get<string, MentoringSessionObject[]>(SESSIONS_BY_MATCH).load(match.id);
  }

  private async worksOn(
    actor: AuthUser,
    match: MatchObject,
    loaders: RequestLoaders,
  ): Promise<boolean> {
    if (actor.role === Role.ADMIN) return true;
    if (actor.role === Role.MENTOR) return isCurrentMentorOf(match, actor, loaders);
    if (actor.role === Role.COORDINATOR) {
      const referral = await loaders
        .get<string, ReferralObject | null>('referralById')
        .load(match.referralId);
      return referral !== null && referral.organisationId === actor.organisationId;
    }
    return false;
  }
}
