import { BarredList, DbsLevel } from '@app/core';
import {
  BASELINE,
  CheckFacts,
  ClearanceRequirement,
  VettingCheckKind as K,
  VettingCheckStatus as S,
  dbsLevelsCovering,
  evaluateClearance,
} from './clearance';

const TODAY = '2026-11-26';

function check(kind: K, status: S, extra: Partial<CheckFacts> = {}): CheckFacts {
  return {
    kind,
    status,
    dbsLevel: null,
    barredLists: [],
    expiresOn: '2029-01-01',
    decidedAt: '2026-01-01T10:00:00Z',
    superseded: false,
    ...extra,
  };
}
const dbs = (level: DbsLevel, status = S.CLEAR, extra: Partial<CheckFacts> = {}) =>
  check(K.DBS, status, { dbsLevel: level, ...extra });
const identity = check(K.IDENTITY, S.CLEAR, { expiresOn: null });
const reference = check(K.REFERENCE, S.CLEAR, { expiresOn: null });
const base = [identity, reference, reference];

const enhancedChildren: ClearanceRequirement = {
  dbsLevel: DbsLevel.ENHANCED,
  barredLists: [BarredList.CHILDREN],
  prisonsServed: [],
};
const standard: ClearanceRequirement = {
  dbsLevel: DbsLevel.STANDARD,
  barredLists: [],
  prisonsServed: [],
};
const inPrison: ClearanceRequirement = {
  dbsLevel: DbsLevel.BASIC,
  barredLists: [],
  prisonsServed: ['HMP Leeds'],
};

describe('evaluateClearance', () => {
  it.each<[string, CheckFacts[], ClearanceRequirement, string[]]>([
    ['baseline met', [...base, dbs(DbsLevel.BASIC)], BASELINE, []],
    ['nothing yet', [], BASELINE, ['DBS BASIC', 'IDENTITY', 'REFERENCE (0 of 2)']],
    ['one reference', [identity, reference, dbs(DbsLevel.BASIC)], BASELINE, ['REFERENCE (1 of 2)']],
    ['ENHANCED covers STANDARD', [...base, dbs(DbsLevel.ENHANCED)], standard, []],
    ['BASIC does not cover STANDARD', [...base, dbs(DbsLevel.BASIC)], standard, ['DBS STANDARD']],
    [
      'barred list needs that list checked',
      [...base, dbs(DbsLevel.ENHANCED)],
      enhancedChildren,
      ['DBS ENHANCED with CHILDREN barred list'],
    ],
    [
      'the other list does not count',
      [...base, dbs(DbsLevel.ENHANCED, S.CLEAR, { barredLists: [BarredList.ADULTS] })],
      enhancedChildren,
      ['DBS ENHANCED with CHILDREN barred list'],
    ],
    [
      'list checked and clear',
      [...base, dbs(DbsLevel.ENHANCED, S.CLEAR, { barredLists: [BarredList.CHILDREN] })],
      enhancedChildren,
      [],
    ],
    [
      'barred on a required list',
      [
        ...base,
        dbs(DbsLevel.ENHANCED, S.BARRED, { barredLists: [BarredList.CHILDREN] }),
        dbs(DbsLevel.ENHANCED, S.CLEAR, { barredLists: [BarredList.CHILDREN] }),
      ],
      enhancedChildren,
      ['barred: on the CHILDREN barred list; cannot be placed in this role'],
    ],
    [
      'barred on a list the scheme does not require',
      [
        ...base,
        dbs(DbsLevel.ENHANCED, S.BARRED, { barredLists: [BarredList.ADULTS] }),
        dbs(DbsLevel.STANDARD),
      ],
      standard,
      [],
    ],
    [
      'prison security only where the scheme serves a prison',
      [...base, dbs(DbsLevel.BASIC)],
      inPrison,
      ['PRISON_SECURITY (scheme works in HMP Leeds)'],
    ],
    [
      'prison security clear',
      [...base, dbs(DbsLevel.BASIC), check(K.PRISON_SECURITY, S.CLEAR)],
      inPrison,
      [],
    ],
    [
      'disclosure without an assessment',
      [...base, dbs(DbsLevel.STANDARD, S.DISCLOSURE)],
      standard,
      ['DBS STANDARD (disclosure needs a CLEAR conviction risk assessment)'],
    ],
    [
      'disclosure with a later clear assessment',
      [
        ...base,
        dbs(DbsLevel.STANDARD, S.DISCLOSURE),
        check(K.CONVICTION_RISK_ASSESSMENT, S.CLEAR, { decidedAt: '2026-02-01T10:00:00Z' }),
      ],
      standard,
      [],
    ],
    [
      'an assessment from before the disclosure does not count',
      [
        ...base,
        dbs(DbsLevel.STANDARD, S.DISCLOSURE),
        check(K.CONVICTION_RISK_ASSESSMENT, S.CLEAR, { decidedAt: '2025-12-01T10:00:00Z' }),
      ],
      standard,
      ['DBS STANDARD (disclosure needs a CLEAR conviction risk assessment)'],
    ],
    [
      'a rejected assessment does not count',
      [
        ...base,
        dbs(DbsLevel.STANDARD, S.DISCLOSURE),
        check(K.CONVICTION_RISK_ASSESSMENT, S.REJECTED, { decidedAt: '2026-02-01T10:00:00Z' }),
      ],
      standard,
      ['DBS STANDARD (disclosure needs a CLEAR conviction risk assessment)'],
    ],
    [
      'DBS on its re-check date (the last day it counts)',
      [...base, dbs(DbsLevel.BASIC, S.CLEAR, { expiresOn: '2026-11-26' })],
      BASELINE,
      [],
    ],
    [
      'expired DBS (past its re-check date)',
      [...base, dbs(DbsLevel.BASIC, S.CLEAR, { expiresOn: '2026-11-25' })],
      BASELINE,
      ['DBS BASIC'],
    ],
    [
      'prison security past its re-check date',
      [
        ...base,
        dbs(DbsLevel.BASIC),
        check(K.PRISON_SECURITY, S.CLEAR, { expiresOn: '2026-11-25' }),
      ],
      inPrison,
      ['PRISON_SECURITY (scheme works in HMP Leeds)'],
    ],
    [
      'superseded by new information',
      [...base, dbs(DbsLevel.BASIC, S.CLEAR, { superseded: true })],
      BASELINE,
      ['DBS BASIC'],
    ],
    ['requested only', [...base, dbs(DbsLevel.BASIC, S.REQUESTED)], BASELINE, ['DBS BASIC']],
  ])('%s', (_name, checks, requirement, missing) => {
    const result = evaluateClearance(checks, requirement, TODAY);
    expect(result.missing).toEqual(missing);
    expect(result.cleared).toBe(missing.length === 0);
  });

  it('counts as of a future date: on its re-check date a check counts, past it it does not', () => {
    const checks = [...base, dbs(DbsLevel.BASIC, S.CLEAR, { expiresOn: '2027-03-01' })];
    expect(evaluateClearance(checks, BASELINE, '2027-02-28').cleared).toBe(true);
    expect(evaluateClearance(checks, BASELINE, '2027-03-01')).toEqual({
      cleared: true,
      missing: [],
      expiresOn: '2027-03-01',
    });
    expect(evaluateClearance(checks, BASELINE, '2027-03-02')).toEqual({
      cleared: false,
      missing: ['DBS BASIC'],
      expiresOn: null,
    });
  });

  it('reports the earliest re-check date among the checks that count', () => {
    const checks = [
      ...base,
      dbs(DbsLevel.BASIC, S.CLEAR, { expiresOn: '2028-05-01' }),
      check(K.PRISON_SECURITY, S.CLEAR, { expiresOn: '2027-09-01' }),
    ];
    expect(evaluateClearance(checks, inPrison, TODAY).expiresOn).toBe('2027-09-01');
  });
});

describe('dbsLevelsCovering', () => {
  it.each([
    [DbsLevel.BASIC, [DbsLevel.BASIC, DbsLevel.STANDARD, DbsLevel.ENHANCED]],
    [DbsLevel.STANDARD, [DbsLevel.STANDARD, DbsLevel.ENHANCED]],
    [DbsLevel.ENHANCED, [DbsLevel.ENHANCED]],
  ])('%s is met by %j', (level, levels) => {
    expect(dbsLevelsCovering(level)).toEqual(levels);
  });
});
