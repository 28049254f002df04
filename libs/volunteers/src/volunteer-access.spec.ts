import { AuthUser, DomainError, ErrorCode, Role } from '@app/core';
import { canReach, changerOf, listScope } from './volunteer-access';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const user = (role: Role, organisationId: string | null = null, id = 'actor'): AuthUser => ({
  id,
  role,
  organisationId,
  prisonCode: null,
});
const volunteer = { userId: 'mentor-1', organisationId: ORG_A };
const unattached = { userId: 'mentor-2', organisationId: null };

describe('who may reach a volunteer', () => {
  it.each([
    ['admin', user(Role.ADMIN), volunteer, true],
    ['admin, volunteer without organisation', user(Role.ADMIN), unattached, true],
    ['coordinator of the organisation', user(Role.COORDINATOR, ORG_A), volunteer, true],
    ['coordinator of another organisation', user(Role.COORDINATOR, ORG_B), volunteer, false],
    [
      'coordinator, volunteer without organisation',
      user(Role.COORDINATOR, ORG_A),
      unattached,
      false,
    ],
    ['coordinator without organisation', user(Role.COORDINATOR, null), unattached, false],
    ['the mentor themselves', user(Role.MENTOR, null, 'mentor-1'), volunteer, true],
    ['another mentor', user(Role.MENTOR, null, 'mentor-2'), volunteer, false],
    ['prison staff', user(Role.PRISON_STAFF), volunteer, false],
  ] as const)('%s: %s', (_name, actor, target, want) => {
    expect(canReach(actor, target)).toBe(want);
  });

  it('treats mentors by their own rules and everyone else as the organisation', () => {
    expect(changerOf(user(Role.MENTOR))).toBe('MENTOR');
    expect(changerOf(user(Role.COORDINATOR, ORG_A))).toBe('ORGANISATION');
    expect(changerOf(user(Role.ADMIN))).toBe('ORGANISATION');
  });
});

describe('the organisation a volunteer list is confined to', () => {
  const code = (run: () => unknown): string | undefined => {
    try {
      run();
      return undefined;
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it.each([
    ['admin, everything', user(Role.ADMIN), undefined, null],
    ['admin, one organisation', user(Role.ADMIN), ORG_B, ORG_B],
    ['coordinator, unspecified', user(Role.COORDINATOR, ORG_A), undefined, ORG_A],
    ['coordinator, own', user(Role.COORDINATOR, ORG_A), ORG_A, ORG_A],
  ] as const)('%s', (_name, actor, requested, want) => {
    expect(listScope(actor, requested)).toBe(want);
  });

  it.each([
    ['coordinator asking for another organisation', user(Role.COORDINATOR, ORG_A), ORG_B],
    ['coordinator without organisation', user(Role.COORDINATOR, null), undefined],
    ['mentor', user(Role.MENTOR), undefined],
    ['prison staff', user(Role.PRISON_STAFF), undefined],
  ] as const)('forbids a %s', (_name, actor, requested) => {
    expect(code(() => listScope(actor, requested))).toBe(ErrorCode.FORBIDDEN);
  });
});
