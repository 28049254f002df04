import { LoaderRegistry, byKeys } from '@app/core';
import { NotifyModule } from '@app/notifications';
import { SchemesModule } from '@app/schemes';
import { VettingModule } from '@app/vetting';
import { VolunteerProfileObject, VolunteersModule } from '@app/volunteers';
import { Module, OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AssignmentCandidatesService } from './assignments/assignment-candidates.service';
import { AssignmentsResolver } from './assignments/assignments.resolver';
import { ProposeAssignments } from './assignments/propose-assignments.service';
import { MatchObject } from './matches/dto/match.object';
import { MatchQueries } from './matches/match-queries.service';
import { MatchRepository } from './matches/match.repository';
import { MatchesOnDeparture } from './matches/matches-on-departure';
import { MatchesResolver, ReferralMatchResolver } from './matches/matches.resolver';
import { MentorAssessment } from './matches/mentor-assessment.service';
import { MentorSuggestions } from './matches/mentor-suggestions.service';
import { ProposeMatch } from './matches/propose-match.service';
import { RespondToMatch } from './matches/respond-to-match.service';
import { CreateReferral } from './referrals/create-referral.service';
import { ReferralObject } from './referrals/dto/referral.object';
import { ReferralQueries } from './referrals/referral-queries.service';
import { ReferralReads, ReferralSensitiveFieldsResolver } from './referrals/referral-reads';
import { ReferralRepository } from './referrals/referral.repository';
import { ReferralsResolver } from './referrals/referrals.resolver';
import { RespondToReferral } from './referrals/respond-to-referral.service';
import { SchemePlaces } from './referrals/scheme-places';
import { UpdateReleaseDate } from './referrals/update-release-date.service';
import { WithdrawReferral } from './referrals/withdraw-referral.service';
import { EndMatch } from './relationship/end-match.service';
import { LogSession } from './relationship/log-session.service';
import { MatchPartiesReader } from './relationship/match-parties';
import { OutcomeSummary } from './relationship/outcome-summary.service';
import { RecordOutcome } from './relationship/record-outcome.service';
import { RelationshipRepository } from './relationship/relationship.repository';
import { RelationshipResolver } from './relationship/relationship.resolver';
import { SessionLoaders } from './relationship/session-loaders';
import { ReleaseDayRepository } from './release-day/release-day.repository';
import { ReleaseDay } from './release-day/release-day.service';

/** Referrals from prisons to schemes, and mentor matching on top of them. */
@Module({
  imports: [SchemesModule, NotifyModule, VettingModule, VolunteersModule],
  providers: [
    ReferralRepository,
    ReferralQueries,
    CreateReferral,
    RespondToReferral,
    WithdrawReferral,
    SchemePlaces,
    UpdateReleaseDate,
    ReleaseDayRepository,
    ReleaseDay,
    ReferralsResolver,
    ReferralReads,
    ReferralSensitiveFieldsResolver,
    MatchRepository,
    MatchQueries,
    MentorAssessment,
    MentorSuggestions,
    ProposeMatch,
    RespondToMatch,
    MatchesOnDeparture,
    MatchesResolver,
    ReferralMatchResolver,
    AssignmentCandidatesService,
    ProposeAssignments,
    AssignmentsResolver,
    RelationshipRepository,
    MatchPartiesReader,
    LogSession,
    EndMatch,
    RecordOutcome,
    OutcomeSummary,
    SessionLoaders,
    RelationshipResolver,
  ],
  exports: [ReferralRepository, MatchRepository],
})
export class MatchingModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly referrals: ReferralRepository,
    private readonly matches: MatchRepository,
  ) {}

  /**
   * Loaders behind Match.volunteer, Match.referral, Referral.match and Referral.matches: one query
   * per field per request.
   */
  onModuleInit(): void {
    this.loaders.register(
      'matchVolunteerById',
      () =>
        new DataLoader<string, VolunteerProfileObject | null>(async (ids) => {
          const rows = await this.matches.findVolunteersByIds(ids);
          return byKeys(ids, rows.map(VolunteerProfileObject.from), (volunteer) => volunteer.id);
        }),
    );
    this.loaders.register(
      'referralById',
      () =>
        new DataLoader<string, ReferralObject | null>(async (ids) => {
          const rows = await this.referrals.findByIds(ids);
          return byKeys(ids, rows.map(ReferralObject.from), (referral) => referral.id);
        }),
    );
    this.loaders.register(
      'currentMatchByReferral',
      () =>
        new DataLoader<string, MatchObject | null>(async (referralIds) => {
          const rows = await this.matches.currentForReferrals(referralIds);
          return byKeys(referralIds, rows.map(MatchObject.from), (match) => match.referralId);
        }),
    );
    this.loaders.register(
      'acceptedMatchesByReferral',
      () =>
        new DataLoader<string, MatchObject[]>(async (referralIds) => {
          const byReferral = new Map<string, MatchObject[]>(referralIds.map((id) => [id, []]));
          for (const row of await this.matches.acceptedForReferrals(referralIds))
            byReferral.get(row.referralId)?.push(MatchObject.from(row));
          return referralIds.map((id) => byReferral.get(id) ?? []);
        }),
    );
  }
}
