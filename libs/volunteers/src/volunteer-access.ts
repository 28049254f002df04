import { AuthUser, DomainError, Role } from '@app/core';
import { StatusChanger } from './status-transitions';

/** The parts of a profile that decide who may see it. */
export interface VolunteerOwnership {
  userId: string;
  organisationId: string | null;
}

/**
 * Who may read or change one volunteer: an admin any; a coordinator only their organisation's;
 * a mentor only their own. Callers answer NOT_FOUND otherwise, so another organisation's
 * volunteers cannot even be shown to exist.
 */
export function canReach(actor: AuthUser, volunteer: VolunteerOwnership): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.COORDINATOR:
      return actor.organisationId !== null && volunteer.organisationId === actor.organisationId;
    case Role.MENTOR:
      return volunteer.userId === actor.id;
    default:
      return false;
  }
}

/** Whose rules apply to a status change the actor asks for. */
export function changerOf(actor: AuthUser): StatusChanger {
  return actor.role === Role.MENTOR ? 'MENTOR' : 'ORGANISATION';
}

/**
 * The organisation a volunteer list is confined to (null: every organisation, admins only). A
 * coordinator always gets their own; naming another organisation is FORBIDDEN.
 */
export function listScope(actor: AuthUser, requested: string | null | undefined): string | null {
  if (actor.role === Role.ADMIN) return requested ?? null;
  if (actor.role === Role.COORDINATOR && actor.organisationId) {
    if (requested && requested !== actor.organisationId) {
      throw DomainError.forbidden(
        "A coordinator can only list their own organisation's volunteers",
      );
    }
    return actor.organisationId;
  }
  throw DomainError.forbidden();
}
