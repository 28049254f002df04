import {
  ClearanceRequirement,
  REFERENCES_NEEDED,
  VettingCheckKind,
  VettingCheckStatus,
  dbsLevelsCovering,
} from './clearance';

/** Adds a value to a statement's parameters and returns its placeholder (`$3::date`). */
export type SqlParam = (value: unknown, cast?: string) => string;

/**
 * `evaluateClearance(checks, requirement, asOf).cleared` as one SQL boolean (never NULL) over the
 * volunteer's rows in vetting_checks, for statements that filter many volunteers at once (mentor
 * suggestions). One pass over the volunteer's checks through the (volunteer_id, requested_at)
 * index. It mirrors clearance.ts rule for rule — the decision (`outcome`), not the shown status;
 * in date when `asOf` is on or before the re-check date (countsOn); a DISCLOSURE counts with a
 * CLEAR risk assessment recorded after it (compared to the millisecond, as the ISO strings are);
 * barred on a required list never clears. test/mentor-suggestions-sql.e2e-spec.ts holds the two to
 * the same answers. The reasons a volunteer is not cleared still come from evaluateClearance.
 */
export function clearedSql(
  volunteerId: string,
  requirement: ClearanceRequirement,
  asOf: string,
  param: SqlParam,
): string {
  const day = param(asOf, '::date');
  const lists = param([...requirement.barredLists], '::text[]');
  const inDate = `(k.expires_on IS NULL OR ${day} <= k.expires_on)`;
  const clear = (kind: VettingCheckKind) =>
    `k.kind = '${kind}' AND k.outcome = '${VettingCheckStatus.CLEAR}' AND ${inDate}`;
  const dbsCounts = `k.kind = '${VettingCheckKind.DBS}' AND k.dbs_level = ANY(${param(dbsLevelsCovering(requirement.dbsLevel), '::text[]')})
        AND k.barred_lists @> ${lists} AND NOT k.superseded AND ${inDate}`;
  const decided = "date_trunc('milliseconds', k.decided_at)";
  const parts = [
    `NOT coalesce(bool_or(k.kind = '${VettingCheckKind.DBS}' AND k.outcome = '${VettingCheckStatus.BARRED}' AND k.barred_on && ${lists}), false)`,
    `(coalesce(bool_or(${dbsCounts} AND k.outcome = '${VettingCheckStatus.CLEAR}'), false)
      OR coalesce(
        min(${decided}) FILTER (WHERE ${dbsCounts} AND k.outcome = '${VettingCheckStatus.DISCLOSURE}')
          < max(${decided}) FILTER (WHERE ${clear(VettingCheckKind.CONVICTION_RISK_ASSESSMENT)}),
        false))`,
    `coalesce(bool_or(${clear(VettingCheckKind.IDENTITY)}), false)`,
    `count(*) FILTER (WHERE ${clear(VettingCheckKind.REFERENCE)}) >= ${REFERENCES_NEEDED}`,
  ];
  if (requirement.prisonsServed.length > 0)
    parts.push(`coalesce(bool_or(${clear(VettingCheckKind.PRISON_SECURITY)}), false)`);
  return `(SELECT ${parts.join('\n      AND ')}
    FROM vetting_checks k WHERE k.volunteer_id = ${volunteerId})`;
}
