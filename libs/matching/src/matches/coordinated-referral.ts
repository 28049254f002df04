import { AuthUser, DomainError, Role } from '@app/core';
import { ReferralEntity } from '../referrals/referral.entity';

/**
 * Matching is the scheme organisation's work: its coordinators (or an admin). Anyone else is told
 * the referral does not exist (NOT_FOUND), as for referrals on the other side.
 */
export function assertCoordinates(
  actor: AuthUser,
  referral: ReferralEntity | null,
): asserts referral is ReferralEntity {
  const allowed =
    referral !== null &&
    (actor.role === Role.ADMIN ||
      (actor.role === Role.COORDINATOR && actor.organisationId === referral.organisationId));
  if (!allowed) throw DomainError.notFound('Referral');
}
