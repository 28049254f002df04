import { AuthUser, DomainError, Role } from '@app/core';
import { ReferralScope } from './referral.repository';

/** The parts of a referral that decide who may see it. */
export interface ReferralSides {
  prisonCode: string;
  organisationId: string;
}

/**
 * domain.md: the prison sees its referrals, the organisation referrals to its schemes, an admin
 * all. Mentors reach a referral only through their own match (matching). Callers answer NOT_FOUND
 * otherwise, so the other side's referrals cannot even be shown to exist.
 */
export function canSeeReferral(actor: AuthUser, referral: ReferralSides): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.PRISON_STAFF:
      return actor.prisonCode !== null && actor.prisonCode === referral.prisonCode;
    case Role.COORDINATOR:
      return actor.organisationId !== null && actor.organisationId === referral.organisationId;
    default:
      return false;
  }
}

/** The side a referral list is confined to; a role with no side of its own is FORBIDDEN. */
export function referralScope(actor: AuthUser): ReferralScope {
  if (actor.role === Role.ADMIN) return { all: true };
  if (actor.role === Role.PRISON_STAFF && actor.prisonCode) return { prisonCode: actor.prisonCode };
  if (actor.role === Role.COORDINATOR && actor.organisationId)
    return { organisationId: actor.organisationId };
  throw DomainError.forbidden('Only prison staff, coordinators and admins list referrals');
}
