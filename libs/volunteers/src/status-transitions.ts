import { ErrorCode, VolunteerStatus } from '@app/core';

const { APPLIED, VETTING, APPROVED, ACTIVE, PAUSED, WITHDRAWN, REJECTED } = VolunteerStatus;

/** Who asks for a change: the mentor on their own profile, or the organisation (coordinator, admin). */
export type StatusChanger = 'MENTOR' | 'ORGANISATION';

export type TransitionVerdict =
  | { allowed: true }
  | {
      allowed: false;
      code: ErrorCode.CONFLICT | ErrorCode.FORBIDDEN | ErrorCode.BAD_USER_INPUT;
      message: string;
      field?: string;
    };

/**
 * The lifecycle's forward steps a person may take by hand (domain.md); WITHDRAWN and REJECTED are
 * reachable from any live state. APPROVED → ACTIVE is not among them: domain.md has a volunteer
 * ACTIVE when they have an accepted match, so only accepting one (matching) makes them so.
 * PAUSED → ACTIVE is a return from a pause.
 */
const STEPS: Readonly<Record<VolunteerStatus, readonly VolunteerStatus[]>> = {
  [APPLIED]: [VETTING],
  [VETTING]: [APPROVED],
  [APPROVED]: [],
  [ACTIVE]: [PAUSED],
  [PAUSED]: [ACTIVE],
  [WITHDRAWN]: [],
  [REJECTED]: [],
};

/**
 * Final states: a withdrawn or rejected volunteer applies again rather than being revived (our
 * policy). Between the two the move stays open, as domain.md says "any state" (a coordinator may
 * still reject someone who withdrew, with a reason).
 */
const FINAL: ReadonlySet<VolunteerStatus> = new Set([WITHDRAWN, REJECTED]);

/** Statuses a volunteer may only reach when eligible (vetting: baseline clearance, not barred). */
export const ELIGIBILITY_GATED: ReadonlySet<VolunteerStatus> = new Set([APPROVED, ACTIVE]);

/** Every status `from` can move to, whoever asks. */
export function nextStatuses(from: VolunteerStatus): VolunteerStatus[] {
  if (FINAL.has(from)) return [from === WITHDRAWN ? REJECTED : WITHDRAWN];
  return [...STEPS[from], WITHDRAWN, REJECTED];
}

/**
 * Whether `by` may move a volunteer from `from` to `to`. Unlisted transitions (and a move to the
 * current status) are CONFLICT; a mentor may only withdraw; rejecting needs a reason.
 */
export function checkTransition(
  from: VolunteerStatus,
  to: VolunteerStatus,
  by: StatusChanger,
  reason?: string | null,
): TransitionVerdict {
  if (from === to) return refuse(ErrorCode.CONFLICT, `The volunteer is already ${to}`);
  if (from === APPROVED && to === ACTIVE) {
    return refuse(
      ErrorCode.CONFLICT,
      'An approved volunteer becomes ACTIVE when they accept a match, not by hand',
    );
  }
  if (!nextStatuses(from).includes(to))
    return refuse(ErrorCode.CONFLICT, `A volunteer cannot go from ${from} to ${to}`);
  if (by === 'MENTOR' && to !== WITHDRAWN)
    return refuse(ErrorCode.FORBIDDEN, 'A mentor can only withdraw');
  if (to === REJECTED && !reason?.trim()) {
    return {
      allowed: false,
      code: ErrorCode.BAD_USER_INPUT,
      field: 'reason',
      message: 'is required to reject a volunteer',
    };
  }
  return { allowed: true };
}

function refuse(
  code: ErrorCode.CONFLICT | ErrorCode.FORBIDDEN,
  message: string,
): TransitionVerdict {
  return { allowed: false, code, message };
}
