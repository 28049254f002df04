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
