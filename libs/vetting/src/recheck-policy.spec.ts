import { VettingCheckKind as K, VettingCheckStatus as S } from './clearance';
import { currentStatus, recheckDate, reminderDue } from './recheck-policy';

describe('recheckDate', () => {
  it.each<[string, K, S, number, string | null]>([
    ['DBS: the organisation policy from the issue date', K.DBS, S.CLEAR, 3, '2029-03-01'],
    ['DBS: a 2-year policy', K.DBS, S.DISCLOSURE, 2, '2028-03-01'],
    ['prison security: 3 years', K.PRISON_SECURITY, S.CLEAR, 1, '2029-03-01'],
    ['identity never expires', K.IDENTITY, S.CLEAR, 3, null],
    ['references never expire', K.REFERENCE, S.CLEAR, 3, null],
    ['a risk assessment follows its DBS check', K.CONVICTION_RISK_ASSESSMENT, S.CLEAR, 3, null],
    ['a bar never lapses', K.DBS, S.BARRED, 3, null],
    ['a rejection has no re-check', K.DBS, S.REJECTED, 3, null],
  ])('%s', (_name, kind, outcome, years, expected) => {
    expect(recheckDate(kind, outcome, '2026-03-01', years)).toBe(expected);
  });

  it('lands on 28 February from 29 February', () => {
    expect(recheckDate(K.DBS, S.CLEAR, '2024-02-29', 3)).toBe('2027-02-28');
  });
});

describe('currentStatus', () => {
  it.each<[string | null, string, S]>([
    ['2029-03-01', '2029-02-28', S.CLEAR],
    ['2029-03-01', '2029-03-01', S.CLEAR], // the re-check date is the last day it counts
    ['2029-03-01', '2029-03-02', S.EXPIRED],
    [null, '2099-01-01', S.CLEAR],
  ])('re-check %s on %s', (expiresOn, today, status) => {
    expect(currentStatus(S.CLEAR, expiresOn, today)).toBe(status);
  });
});

describe('reminderDue', () => {
  it.each<[number, number | null]>([
    [90, null],
    [61, null],
    [60, 60],
    [45, 60],
    [31, 60],
    [30, 30],
    [8, 30],
    [7, 7],
    [1, 7],
    [0, 7], // on the re-check date it still counts: a missed 7-day reminder still goes
    [-1, null],
    [-3, null],
  ])('%i days left: %s', (daysLeft, due) => {
    expect(reminderDue(daysLeft)).toBe(due);
  });
});
