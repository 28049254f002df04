import { BarredList, DbsLevel, DomainError, ErrorCode, FieldProblem } from '@app/core';
import { VettingCheckKind, VettingCheckStatus } from './clearance';

const { CLEAR, DISCLOSURE, BARRED, REJECTED, WITHDRAWN } = VettingCheckStatus;

export const NOTES_MAX = 4000;
/** A DBS certificate number is 12 digits. */
export const CERTIFICATE_NUMBER = /^\d{12}$/;

/** The outcomes each kind of check can have; REQUESTED and EXPIRED are never recorded. */
export const OUTCOMES: Readonly<Record<VettingCheckKind, readonly VettingCheckStatus[]>> = {
  [VettingCheckKind.DBS]: [CLEAR, DISCLOSURE, BARRED, REJECTED, WITHDRAWN],
  [VettingCheckKind.IDENTITY]: [CLEAR, REJECTED, WITHDRAWN],
  [VettingCheckKind.REFERENCE]: [CLEAR, REJECTED, WITHDRAWN],
  [VettingCheckKind.PRISON_SECURITY]: [CLEAR, REJECTED, WITHDRAWN],
  [VettingCheckKind.CONVICTION_RISK_ASSESSMENT]: [CLEAR, REJECTED, WITHDRAWN],
};

/**
 * The earliest issue date accepted for a certificate or check (1900-01-01); the latest is today.
 * Nothing older is a plausible certificate, and a date before it (year 0 has no PostgreSQL date,
 * years 0–99 once read as 1900s) is BAD_USER_INPUT on input.issuedOn, never an internal error.
 */
export const EARLIEST_ISSUED_ON = '1900-01-01';

/** DBS outcomes that come with a certificate (its number and issue date are then required). */
const CERTIFICATE_OUTCOMES: ReadonlySet<VettingCheckStatus> = new Set([CLEAR, DISCLOSURE, BARRED]);

/** The DBS Update Service covers STANDARD and ENHANCED certificates only. */
export const UPDATE_SERVICE_LEVELS: ReadonlySet<DbsLevel> = new Set([
  DbsLevel.STANDARD,
  DbsLevel.ENHANCED,
]);

/** RequestVettingCheckInput without the volunteer. */
export interface CheckRequest {
  kind: VettingCheckKind;
  dbsLevel?: DbsLevel | null;
  barredLists?: BarredList[] | null;
}

export interface CheckedRequest {
  kind: VettingCheckKind;
  dbsLevel: DbsLevel | null;
  barredLists: BarredList[];
}

/** What a check is, as far as recording its outcome is concerned. */
export interface RequestedCheck {
  kind: VettingCheckKind;
  dbsLevel: DbsLevel | null;
  barredLists: BarredList[];
}

/** RecordVettingOutcomeInput without the check id. */
export interface OutcomeInput {
  status: VettingCheckStatus;
  certificateNumber?: string | null;
  issuedOn?: string | null;
  updateServiceSubscribed?: boolean | null;
  notes?: string | null;
  barredOn?: BarredList[] | null;
}

export interface CheckedOutcome {
  status: VettingCheckStatus;
  certificateNumber: string | null;
  issuedOn: string | null;
  updateServiceSubscribed: boolean;
  notes: string | null;
  barredOn: BarredList[];
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: problems });
}

/**
 * A check request: a DBS check needs a level; barred lists only with an ENHANCED DBS check (where
 * the lists are lawful is decided against the organisation's schemes, by the caller). Every
 * problem is reported at once as BAD_USER_INPUT, named `input.<field>`.
 */
export function checkRequest(input: CheckRequest): CheckedRequest {
  const problems: FieldProblem[] = [];
  const lists = [...new Set(input.barredLists ?? [])].sort();
  const isDbs = input.kind === VettingCheckKind.DBS;
  if (isDbs && !input.dbsLevel) {
    problems.push({ field: 'input.dbsLevel', message: 'is required for a DBS check' });
  }
  if (!isDbs && input.dbsLevel) {
    problems.push({ field: 'input.dbsLevel', message: 'is only for a DBS check' });
  }
  if (lists.length > 0 && !(isDbs && input.dbsLevel === DbsLevel.ENHANCED)) {
    problems.push({
      field: 'input.barredLists',
      message: 'barred lists can only be checked with an ENHANCED DBS check',
    });
  }
  refuse(problems);
  return {
    kind: input.kind,
    dbsLevel: isDbs ? (input.dbsLevel ?? null) : null,
    barredLists: lists,
  };
}

/**
 * An outcome for a check: one the kind can have; a DBS certificate's 12-digit number and issue
 * date (not in the future) with a result; the Update Service only for STANDARD and ENHANCED
 * certificates; BARRED only on a list the check covered; notes (the reasons) for a REJECTED
 * outcome and for every conviction risk assessment.
 */
export function checkOutcome(
  check: RequestedCheck,
  input: OutcomeInput,
  today: string,
): CheckedOutcome {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ field: `input.${field}`, message });
  const isDbs = check.kind === VettingCheckKind.DBS;
  const status = input.status;

  if (status === VettingCheckStatus.REQUESTED) add('status', 'REQUESTED is not an outcome');
  else if (status === VettingCheckStatus.EXPIRED) {
    add('status', 'EXPIRED follows from the re-check date; it is not recorded');
  } else if (!OUTCOMES[check.kind].includes(status)) {
    add('status', `a ${check.kind} check cannot be ${status}`);
  }

  let barredOn: BarredList[] = [];
  if (status === BARRED && isDbs) {
    if (check.barredLists.length === 0) {
      add('status', 'BARRED needs a check of a barred list, and this check covered none');
    } else if (input.barredOn && input.barredOn.length > 0) {
      barredOn = [...new Set(input.barredOn)].sort();
      const unchecked = barredOn.filter((list) => !check.barredLists.includes(list));
      if (unchecked.length > 0) {
        add('barredOn', `${unchecked.join(', ')} was not checked by this check`);
      }
    } else {
      barredOn = [...check.barredLists];
    }
  } else if (input.barredOn && input.barredOn.length > 0) {
    add('barredOn', 'only with a BARRED outcome');
  }

  const certificateNumber = input.certificateNumber?.trim() || null;
  if (certificateNumber !== null) {
    if (!isDbs) add('certificateNumber', 'is only for a DBS check');
    else if (!CERTIFICATE_NUMBER.test(certificateNumber)) {
      add('certificateNumber', 'must be the 12 digits of the DBS certificate');
    }
  }
  const issuedOn = input.issuedOn ?? null;
  if (issuedOn !== null && issuedOn > today) add('issuedOn', 'must not be in the future');
  else if (issuedOn !== null && issuedOn < EARLIEST_ISSUED_ON) {
    add('issuedOn', `must not be before ${EARLIEST_ISSUED_ON}`);
  }
  if (isDbs && CERTIFICATE_OUTCOMES.has(status)) {
    if (certificateNumber === null)
      add('certificateNumber', `is required for a ${status} DBS check`);
    if (issuedOn === null) add('issuedOn', `is required for a ${status} DBS check`);
  }

  const updateServiceSubscribed = input.updateServiceSubscribed === true;
  if (updateServiceSubscribed) {
    if (!isDbs || !check.dbsLevel || !UPDATE_SERVICE_LEVELS.has(check.dbsLevel)) {
      add(
        'updateServiceSubscribed',
        'the DBS Update Service covers STANDARD and ENHANCED certificates only',
      );
    } else if (status !== CLEAR && status !== DISCLOSURE) {
      add('updateServiceSubscribed', 'only for a CLEAR or DISCLOSURE certificate');
    }
  }

  const notes = input.notes?.trim() || null;
  if (notes !== null && notes.length > NOTES_MAX) {
    add('notes', `must be at most ${NOTES_MAX} characters`);
  }
  if (notes === null && check.kind === VettingCheckKind.CONVICTION_RISK_ASSESSMENT) {
    add('notes', 'are required for a conviction risk assessment: the decision and its reasons');
  } else if (notes === null && status === REJECTED) {
    add('notes', 'are required for a REJECTED outcome: the reasons for the decision');
  }

  refuse(problems);
  return { status, certificateNumber, issuedOn, updateServiceSubscribed, notes, barredOn };
}
