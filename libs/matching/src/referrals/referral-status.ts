import { registerEnumType } from '@nestjs/graphql';

/**
 * Where a referral is: SENT → ACCEPTED | DECLINED; ACCEPTED → MATCHED → ACTIVE → CLOSED (ACCEPTED →
 * ACTIVE when the person is already out at the accept; MATCHED or ACTIVE → ACCEPTED when the mentor
 * leaves); WITHDRAWN by the prison.
 */
export enum ReferralStatus {
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  MATCHED = 'MATCHED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Not yet answered, or still running: at most one such referral per prison number and scheme. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.SENT,
  ReferralStatus.ACCEPTED,
  ReferralStatus.MATCHED,
  ReferralStatus.ACTIVE,
];

/** Statuses that hold one of the scheme's places (accepted + active never exceed its capacity). */
export const PLACE_HOLDING_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.ACCEPTED,
  ReferralStatus.MATCHED,
  ReferralStatus.ACTIVE,
];

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
