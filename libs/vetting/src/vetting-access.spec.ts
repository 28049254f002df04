import { AuthUser, Role } from '@app/core';
import { assertManages, readsNotes, vettingView } from './vetting-access';

const volunteer = { userId: 'mentor-1', organisationId: 'org-1' };
const actor = (role: Role, extra: Partial<AuthUser> = {}): AuthUser => ({
  id: 'someone',
  role,
  organisationId: null,
  prisonCode: null,
  ...extra,
});
const coordinator = actor(Role.COORDINATOR, { organisationId: 'org-1' });
const otherCoordinator = actor(Role.COORDINATOR, { organisationId: 'org-2' });
const admin = actor(Role.ADMIN);
const mentor = actor(Role.MENTOR, { id: 'mentor-1' });
const otherMentor = actor(Role.MENTOR, { id: 'mentor-2' });
const prisonStaff = actor(Role.PRISON_STAFF, { prisonCode: 'LEI' });

describe('vetting access', () => {
  it.each<[string, AuthUser, string | null, boolean]>([
    ['coordinator of the organisation', coordinator, 'ORGANISATION', true],
    ['admin', admin, 'ORGANISATION', false],
    ['the mentor', mentor, 'OWNER', false],
    ['another organisation’s coordinator', otherCoordinator, null, false],
    ['another mentor', otherMentor, null, false],
    ['prison staff', prisonStaff, null, false],
  ])('%s', (_name, who, view, notes) => {
    if (view) expect(vettingView(who, volunteer)).toBe(view);
    else
      expect(() => vettingView(who, volunteer)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    expect(readsNotes(who, volunteer)).toBe(notes);
  });

  it.each<[string, AuthUser, boolean]>([
    ['coordinator of the organisation', coordinator, true],
    ['admin', admin, true],
    ['another organisation’s coordinator', otherCoordinator, false],
    ['the mentor', mentor, false],
  ])('manages checks: %s', (_name, who, allowed) => {
    if (allowed) expect(() => assertManages(who, volunteer, 'Volunteer')).not.toThrow();
    else
      expect(() => assertManages(who, volunteer, 'Volunteer')).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
  });
});
