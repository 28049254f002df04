/** Referrals and mentor matching: the module for the API. */
export * from './matching.module';
/** The referrals table, its statuses and queries. */
export * from './referrals/referral.entity';
export * from './referrals/referral-status';
export * from './referrals/referral.repository';
/** Pure eligibility of a person for a scheme (the hard filters of domain.md). */
export * from './referrals/referral-eligibility';
/** The GraphQL Referral type. */
export * from './referrals/dto/referral.object';
/** The matches table, its statuses and queries; the pure fit rules of mentor suggestions. */
export * from './matches/match.entity';
export * from './matches/match-status';
export * from './matches/match.repository';
export * from './matches/mentor-fit';
/** The worker side: the daily release-day sweep (MATCHED → ACTIVE, mentor reminders) and its schedule. */
export * from './matching-worker.module';
export * from './release-day/release-day.service';
export * from './release-day/release-reminder-policy';
export * from './release-day/jobs/release-day-schedules';
/** Mentoring sessions and outcome ratings of matches (tables and the stage enum). */
export * from './relationship/mentoring-session.entity';
export * from './relationship/match-outcome.entity';
export * from './relationship/outcome-stage';
export * from './relationship/relationship.repository';
