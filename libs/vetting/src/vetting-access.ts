import { AuthUser, DomainError, Role } from '@app/core';
import { VolunteerOwnership, canReach } from '@app/volunteers';
import { CheckView } from './dto/vetting-check.object';

/**
 * Who may request checks and record outcomes for a volunteer: a coordinator of the volunteer's
 * organisation, or an admin. Anyone else gets NOT_FOUND, so another organisation's volunteers and
 * checks cannot even be shown to exist (the resolvers already refuse mentors and prison staff).
 */
export function assertManages(actor: AuthUser, volunteer: VolunteerOwnership, what: string): void {
  const manages =
    actor.role === Role.ADMIN || (actor.role === Role.COORDINATOR && canReach(actor, volunteer));
  if (!manages) throw DomainError.notFound(what);
}

/**
 * How much vetting data the caller sees on a volunteer they reached: the organisation (its
 * coordinators, admins) everything but notes; the mentor their own checks' kind, status and dates.
 * Prison staff, and anyone else, see none: FORBIDDEN.
 */
export function vettingView(actor: AuthUser, volunteer: VolunteerOwnership): CheckView {
  if (actor.role === Role.MENTOR && canReach(actor, volunteer)) return 'OWNER';
  if (
    (actor.role === Role.ADMIN || actor.role === Role.COORDINATOR) &&
    canReach(actor, volunteer)
  ) {
    return 'ORGANISATION';
  }
  throw DomainError.forbidden('You cannot see vetting information for this volunteer');
}

/**
 * Notes (the reasons for a decision, possibly drawn from disclosed information) are read only by
 * the coordinators of the volunteer's organisation: not by admins, who operate the platform but
 * have no part in the recruitment decision (DBS Code of Practice: only those entitled to it).
 */
export function readsNotes(actor: AuthUser, volunteer: VolunteerOwnership): boolean {
  return (
    actor.role === Role.COORDINATOR &&
    actor.organisationId !== null &&
    actor.organisationId === volunteer.organisationId
  );
}
