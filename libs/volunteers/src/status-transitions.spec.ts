import { ErrorCode, VolunteerStatus } from '@app/core';
import { StatusChanger, checkTransition, nextStatuses } from './status-transitions';

const S = VolunteerStatus;
const ALL = Object.values(VolunteerStatus);
type Outcome = 'ok' | 'CONFLICT' | 'FORBIDDEN' | 'BAD_USER_INPUT';

/** The organisation's view of domain.md's lifecycle: every allowed pair; everything else is CONFLICT. */
const ORGANISATION_ALLOWED: [VolunteerStatus, VolunteerStatus][] = [
  [S.APPLIED, S.VETTING],
  [S.VETTING, S.APPROVED],
  // APPROVED → ACTIVE only by accepting a match (matching), never by hand.
  [S.ACTIVE, S.PAUSED],
  [S.PAUSED, S.ACTIVE],
  ...[S.APPLIED, S.VETTING, S.APPROVED, S.ACTIVE, S.PAUSED].flatMap((from) => [
    [from, S.WITHDRAWN] as [VolunteerStatus, VolunteerStatus],
    [from, S.REJECTED] as [VolunteerStatus, VolunteerStatus],
  ]),
  // "any state": between the two final states too (never back to a live one).
  [S.WITHDRAWN, S.REJECTED],
  [S.REJECTED, S.WITHDRAWN],
];

function expected(from: VolunteerStatus, to: VolunteerStatus, by: StatusChanger): Outcome {
  const listed = ORGANISATION_ALLOWED.some(([f, t]) => f === from && t === to);
  if (!listed) return 'CONFLICT';
  if (by === 'MENTOR' && to !== S.WITHDRAWN) return 'FORBIDDEN';
  return 'ok';
}

function outcome(
  from: VolunteerStatus,
  to: VolunteerStatus,
  by: StatusChanger,
  reason: string | null = 'a reason',
): Outcome {
  const verdict = checkTransition(from, to, by, reason);
  return verdict.allowed ? 'ok' : verdict.code;
}

describe('volunteer status transitions', () => {
  const cases = (['ORGANISATION', 'MENTOR'] as StatusChanger[]).flatMap((by) =>
    ALL.flatMap((from) => ALL.map((to) => [by, from, to, expected(from, to, by)] as const)),
  );

  it.each(cases)('%s: %s -> %s is %s', (by, from, to, want) => {
    expect(outcome(from, to, by)).toBe(want);
  });

  it.each([
    [S.APPLIED, S.VETTING, 'ok'],
    [S.VETTING, S.APPROVED, 'ok'],
    [S.APPROVED, S.ACTIVE, 'CONFLICT'],
    [S.ACTIVE, S.PAUSED, 'ok'],
    [S.PAUSED, S.ACTIVE, 'ok'],
    [S.ACTIVE, S.WITHDRAWN, 'ok'],
    [S.APPLIED, S.REJECTED, 'ok'],
    [S.APPLIED, S.APPROVED, 'CONFLICT'],
    [S.APPLIED, S.ACTIVE, 'CONFLICT'],
    [S.VETTING, S.APPLIED, 'CONFLICT'],
    [S.PAUSED, S.APPROVED, 'CONFLICT'],
    [S.WITHDRAWN, S.APPLIED, 'CONFLICT'],
    [S.REJECTED, S.WITHDRAWN, 'ok'],
    [S.REJECTED, S.ACTIVE, 'CONFLICT'],
    [S.WITHDRAWN, S.WITHDRAWN, 'CONFLICT'],
    [S.ACTIVE, S.ACTIVE, 'CONFLICT'],
  ] as const)('spot check for the organisation: %s -> %s is %s', (from, to, want) => {
    expect(outcome(from, to, 'ORGANISATION')).toBe(want);
  });

  it.each([null, '', '   '])(
    'refuses to reject without a reason (%p), naming the reason field',
    (reason) => {
      expect(checkTransition(S.VETTING, S.REJECTED, 'ORGANISATION', reason)).toEqual({
        allowed: false,
        code: ErrorCode.BAD_USER_INPUT,
        field: 'reason',
        message: 'is required to reject a volunteer',
      });
    },
  );

  it('says why an approved volunteer cannot be made ACTIVE by hand', () => {
    expect(checkTransition(S.APPROVED, S.ACTIVE, 'ORGANISATION')).toEqual({
      allowed: false,
      code: ErrorCode.CONFLICT,
      message: 'An approved volunteer becomes ACTIVE when they accept a match, not by hand',
    });
  });

  it('lets a mentor withdraw without a reason', () => {
    expect(checkTransition(S.APPLIED, S.WITHDRAWN, 'MENTOR', null)).toEqual({ allowed: true });
  });

  it.each([
    [S.APPLIED, [S.VETTING, S.WITHDRAWN, S.REJECTED]],
    [S.APPROVED, [S.WITHDRAWN, S.REJECTED]],
    [S.ACTIVE, [S.PAUSED, S.WITHDRAWN, S.REJECTED]],
    [S.PAUSED, [S.ACTIVE, S.WITHDRAWN, S.REJECTED]],
    [S.WITHDRAWN, [S.REJECTED]],
    [S.REJECTED, [S.WITHDRAWN]],
  ] as const)('lists where %s can go', (from, to) => {
    expect(nextStatuses(from)).toEqual(to);
  });
});
