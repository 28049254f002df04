import { BarredList, DbsLevel, DomainError } from '@app/core';
import { VettingCheckKind as K, VettingCheckStatus as S } from './clearance';
import {
  CheckRequest,
  OutcomeInput,
  RequestedCheck,
  checkOutcome,
  checkRequest,
} from './vetting-rules';

const TODAY = '2026-11-26';

function problems(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT')
      return error.details.fields ?? [];
    throw error;
  }
  return [];
}

describe('checkRequest', () => {
  it.each<[string, CheckRequest, string[]]>([
    ['DBS with a level', { kind: K.DBS, dbsLevel: DbsLevel.BASIC }, []],
    [
      'ENHANCED with a barred list',
      { kind: K.DBS, dbsLevel: DbsLevel.ENHANCED, barredLists: [BarredList.CHILDREN] },
      [],
    ],
    ['DBS without a level', { kind: K.DBS }, ['input.dbsLevel']],
    [
      'barred list with STANDARD',
      { kind: K.DBS, dbsLevel: DbsLevel.STANDARD, barredLists: [BarredList.ADULTS] },
      ['input.barredLists'],
    ],
    [
      'barred list without a level',
      { kind: K.DBS, barredLists: [BarredList.ADULTS] },
      ['input.dbsLevel', 'input.barredLists'],
    ],
    ['a level on a reference', { kind: K.REFERENCE, dbsLevel: DbsLevel.BASIC }, ['input.dbsLevel']],
    [
      'a barred list on identity',
      { kind: K.IDENTITY, barredLists: [BarredList.CHILDREN] },
      ['input.barredLists'],
    ],
    ['identity', { kind: K.IDENTITY }, []],
  ])('%s', (_name, input, fields) => {
    expect(problems(() => checkRequest(input)).map((p) => p.field)).toEqual(fields);
  });

  it('de-duplicates and orders the lists', () => {
    const request = {
      kind: K.DBS,
      dbsLevel: DbsLevel.ENHANCED,
      barredLists: [BarredList.CHILDREN, BarredList.ADULTS, BarredList.CHILDREN],
    };
    expect(checkRequest(request).barredLists).toEqual([BarredList.ADULTS, BarredList.CHILDREN]);
  });
});

describe('checkOutcome', () => {
  const basic: RequestedCheck = { kind: K.DBS, dbsLevel: DbsLevel.BASIC, barredLists: [] };
  const enhanced: RequestedCheck = {
    kind: K.DBS,
    dbsLevel: DbsLevel.ENHANCED,
    barredLists: [BarredList.ADULTS, BarredList.CHILDREN],
  };
  const reference: RequestedCheck = { kind: K.REFERENCE, dbsLevel: null, barredLists: [] };
  const assessment: RequestedCheck = {
    kind: K.CONVICTION_RISK_ASSESSMENT,
    dbsLevel: null,
    barredLists: [],
  };
  const certificate = { certificateNumber: '001234567890', issuedOn: '2026-11-01' };

  it.each<[string, RequestedCheck, OutcomeInput, string[]]>([
    ['a clear DBS certificate', basic, { status: S.CLEAR, ...certificate }, []],
    [
      'a certificate number of 11 digits',
      basic,
      { status: S.CLEAR, ...certificate, certificateNumber: '12345678901' },
      ['input.certificateNumber'],
    ],
    [
      'a certificate number with letters',
      basic,
      { status: S.CLEAR, ...certificate, certificateNumber: '12345678901A' },
      ['input.certificateNumber'],
    ],
    [
      'a result without a certificate',
      basic,
      { status: S.DISCLOSURE },
      ['input.certificateNumber', 'input.issuedOn'],
    ],
    [
      'an issue date in the future',
      basic,
      { status: S.CLEAR, ...certificate, issuedOn: '2026-11-27' },
      ['input.issuedOn'],
    ],
    ['issued today', basic, { status: S.CLEAR, ...certificate, issuedOn: TODAY }, []],
    ['REQUESTED is not an outcome', basic, { status: S.REQUESTED }, ['input.status']],
    ['EXPIRED is not recorded', basic, { status: S.EXPIRED }, ['input.status']],
    ['a reference cannot be DISCLOSURE', reference, { status: S.DISCLOSURE }, ['input.status']],
    ['a reference cannot be BARRED', reference, { status: S.BARRED }, ['input.status']],
    [
      'BARRED without a barred list checked',
      basic,
      { status: S.BARRED, ...certificate },
      ['input.status'],
    ],
    [
      'BARRED on a checked list',
      enhanced,
      { status: S.BARRED, ...certificate, barredOn: [BarredList.CHILDREN] },
      [],
    ],
    [
      'barredOn without BARRED',
      enhanced,
      { status: S.CLEAR, ...certificate, barredOn: [BarredList.CHILDREN] },
      ['input.barredOn'],
    ],
    ['REJECTED needs notes', reference, { status: S.REJECTED }, ['input.notes']],
    ['REJECTED with blank notes', reference, { status: S.REJECTED, notes: '   ' }, ['input.notes']],
    [
      'REJECTED with notes',
      reference,
      { status: S.REJECTED, notes: 'Referee could not confirm the dates' },
      [],
    ],
    [
      'a risk assessment needs notes even when CLEAR',
      assessment,
      { status: S.CLEAR },
      ['input.notes'],
    ],
    [
      'a risk assessment with notes',
      assessment,
      { status: S.CLEAR, notes: 'Offence 9 years ago, not relevant to the role' },
      [],
    ],
    [
      'a certificate number on a reference',
      reference,
      { status: S.CLEAR, certificateNumber: '001234567890' },
      ['input.certificateNumber'],
    ],
    [
      'Update Service for BASIC',
      basic,
      { status: S.CLEAR, ...certificate, updateServiceSubscribed: true },
      ['input.updateServiceSubscribed'],
    ],
    [
      'Update Service for ENHANCED',
      enhanced,
      { status: S.CLEAR, ...certificate, updateServiceSubscribed: true },
      [],
    ],
    [
      'Update Service for a reference',
      reference,
      { status: S.CLEAR, updateServiceSubscribed: true },
      ['input.updateServiceSubscribed'],
    ],
    ['notes too long', reference, { status: S.CLEAR, notes: 'x'.repeat(4001) }, ['input.notes']],
  ])('%s', (_name, check, input, fields) => {
    expect(problems(() => checkOutcome(check, input, TODAY)).map((p) => p.field)).toEqual(fields);
  });

  it('BARRED without naming a list means every list the check covered', () => {
    expect(checkOutcome(enhanced, { status: S.BARRED, ...certificate }, TODAY).barredOn).toEqual([
      BarredList.ADULTS,
      BarredList.CHILDREN,
    ]);
  });

  it('never puts the notes in the error message', () => {
    const secret = 'sensitive disclosure detail';
    try {
      checkOutcome(basic, { status: S.REQUESTED, notes: secret }, TODAY);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
