import { BarredList, DbsLevel } from '@app/core';

/** Kinds and outcomes of checks (contract enums). */
export enum VettingCheckKind {
  DBS = 'DBS',
  IDENTITY = 'IDENTITY',
  REFERENCE = 'REFERENCE',
  PRISON_SECURITY = 'PRISON_SECURITY',
  CONVICTION_RISK_ASSESSMENT = 'CONVICTION_RISK_ASSESSMENT',
}

export enum VettingCheckStatus {
  REQUESTED = 'REQUESTED',
  CLEAR = 'CLEAR',
  DISCLOSURE = 'DISCLOSURE',
  BARRED = 'BARRED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}

/** What clearance needs to know about a check; dates are ISO calendar dates. */
export interface CheckFacts {
  kind: VettingCheckKind;
  status: VettingCheckStatus;
  dbsLevel: DbsLevel | null;
  barredLists: BarredList[];
  /** Re-check date: the last day the check counts (see countsOn). */
  expiresOn: string | null;
  /** When the outcome was recorded (ISO instant); orders a risk assessment after its DBS check. */
  decidedAt: string | null;
  /** The DBS Update Service reported new information: a new DBS check is needed. */
  superseded: boolean;
}

/** What a scheme (or, without one, the organisation's baseline) requires. */
export interface ClearanceRequirement {
  dbsLevel: DbsLevel;
  barredLists: BarredList[];
  /** Names of the prisons the scheme works in ("HMP Leeds"); empty when it serves none. */
  prisonsServed: string[];
}

export interface ClearanceResult {
  cleared: boolean;
  missing: string[];
  expiresOn: string | null;
}

/** domain.md: IDENTITY, two REFERENCEs and a DBS at BASIC or above. */
export const BASELINE: ClearanceRequirement = {
  dbsLevel: DbsLevel.BASIC,
  barredLists: [],
  prisonsServed: [],
};
export const REFERENCES_NEEDED = 2;

const LEVEL_RANK: Record<DbsLevel, number> = { BASIC: 1, STANDARD: 2, ENHANCED: 3 };

/** The DBS levels that satisfy `level` (it and the ones above it), for queries that filter by it. */
export function dbsLevelsCovering(level: DbsLevel): DbsLevel[] {
  return (Object.keys(LEVEL_RANK) as DbsLevel[]).filter(
    (candidate) => LEVEL_RANK[candidate] >= LEVEL_RANK[level],
  );
}

/**
 * Whether a check with this re-check date counts on `day`. domain.md: a check *past* its re-check
 * date is EXPIRED, so the re-check date itself is the last day it counts. clearance.sql.ts and the
 * expiry sweep (VettingCheckRepository.expireDue) draw the same line.
 */
export function countsOn(expiresOn: string | null, day: string): boolean {
  return expiresOn === null || day <= expiresOn;
}

const inDate = (check: CheckFacts, asOf: string) => countsOn(check.expiresOn, asOf);

function describeDbs(requirement: ClearanceRequirement): string {
  const lists = requirement.barredLists;
  if (lists.length === 0) return `DBS ${requirement.dbsLevel}`;
  return `DBS ${requirement.dbsLevel} with ${lists.join(' and ')} barred list${lists.length > 1 ? 's' : ''}`;
}

/** A DBS check that satisfies the requirement's level and lists. */
function dbsCovers(check: CheckFacts, requirement: ClearanceRequirement): boolean {
  return (
    check.kind === VettingCheckKind.DBS &&
    check.dbsLevel !== null &&
    LEVEL_RANK[check.dbsLevel] >= LEVEL_RANK[requirement.dbsLevel] &&
    requirement.barredLists.every((list) => check.barredLists.includes(list))
  );
}

/**
 * Which DBS check counts: CLEAR, or DISCLOSURE with a CLEAR conviction risk assessment recorded after
 * it; in date on `asOf` and not superseded by new information from the Update Service.
 */
function countingDbs(
  checks: CheckFacts[],
  requirement: ClearanceRequirement,
  asOf: string,
): CheckFacts | undefined {
  const assessments = checks.filter(
    (c) =>
      c.kind === VettingCheckKind.CONVICTION_RISK_ASSESSMENT &&
      c.status === VettingCheckStatus.CLEAR &&
      inDate(c, asOf),
  );
  return checks.find((check) => {
    if (!dbsCovers(check, requirement) || check.superseded || !inDate(check, asOf)) return false;
    if (check.status === VettingCheckStatus.CLEAR) return true;
    return (
      check.status === VettingCheckStatus.DISCLOSURE &&
      assessments.some(
        (a) => a.decidedAt !== null && check.decidedAt !== null && a.decidedAt > check.decidedAt,
      )
    );
  });
}

/**
 * Whether a volunteer is cleared for a requirement on `asOf` (today, or a future release date), and
 * what is missing, in a coordinator's words.
 */
export function evaluateClearance(
  checks: CheckFacts[],
  requirement: ClearanceRequirement,
  asOf: string,
): ClearanceResult {
  const missing: string[] = [];
  const counted: CheckFacts[] = [];

  const barredOn = requirement.barredLists.filter((list) =>
    checks.some(
      (c) =>
        c.kind === VettingCheckKind.DBS &&
        c.status === VettingCheckStatus.BARRED &&
        c.barredLists.includes(list),
    ),
  );
  if (barredOn.length > 0) {
    missing.push(
      `barred: on the ${barredOn.join(' and ')} barred list${barredOn.length > 1 ? 's' : ''}; cannot be placed in this role`,
    );
  }

  const dbs = countingDbs(checks, requirement, asOf);
  if (dbs) counted.push(dbs);
  else if (barredOn.length === 0) {
    const disclosed = checks.some(
      (c) =>
        dbsCovers(c, requirement) &&
        c.status === VettingCheckStatus.DISCLOSURE &&
        !c.superseded &&
        inDate(c, asOf),
    );
    missing.push(
      disclosed
        ? `${describeDbs(requirement)} (disclosure needs a CLEAR conviction risk assessment)`
        : describeDbs(requirement),
    );
  }

  const clearOf = (kind: VettingCheckKind) =>
    checks.filter(
      (c) => c.kind === kind && c.status === VettingCheckStatus.CLEAR && inDate(c, asOf),
    );

  const identity = clearOf(VettingCheckKind.IDENTITY);
  if (identity.length > 0) counted.push(identity[0]);
  else missing.push('IDENTITY');

  const references = clearOf(VettingCheckKind.REFERENCE).slice(0, REFERENCES_NEEDED);
  counted.push(...references);
  if (references.length < REFERENCES_NEEDED)
    missing.push(`REFERENCE (${references.length} of ${REFERENCES_NEEDED})`);

  if (requirement.prisonsServed.length > 0) {
    const security = clearOf(VettingCheckKind.PRISON_SECURITY);
    if (security.length > 0) counted.push(security[0]);
    else missing.push(`PRISON_SECURITY (scheme works in ${requirement.prisonsServed.join(', ')})`);
  }

  const expiries = counted
    .map((c) => c.expiresOn)
    .filter((d): d is string => d !== null)
    .sort();
  return { cleared: missing.length === 0, missing, expiresOn: expiries[0] ?? null };
}
