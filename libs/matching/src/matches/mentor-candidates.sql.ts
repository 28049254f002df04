import { DeliveryMode, Gender, Pathway, VolunteerStatus } from '@app/core';
import { ClearanceRequirement, SqlParam, clearedSql } from '@app/vetting';
import { VolunteerProfileEntity } from '@app/volunteers';
import { MATCHABLE, REMOTE_MODES, WEIGHTS } from './mentor-fit';

/** The expression GiST index on each in-person mentor's reach (migration 1795679700000). */
export const VOLUNTEER_REACH_INDEX = 'volunteer_profiles_reach';
/**
 * The partial index on the organisation's matchable mentors with room who work remotely, holding
 * what the rules and the score read (migration 1795679700000), so they are read without the table.
 */
export const VOLUNTEER_REMOTE_INDEX = 'volunteer_profiles_remote';

/**
 * What the statements need to know about one referral, already put in mentor-fit's terms (its
 * helpers decide who counts as remote, female-only, long-serving, which languages are scored).
 */
export interface MentorCandidateFilter {
  organisationId: string;
  releaseOutcode: string;
  /** The scheme's remote modes: a mentor offering one of them fits at any distance. */
  remoteModes: DeliveryMode[];
  femaleOnly: boolean;
  /** The latest day a mentor may have become ACTIVE (HIGH/VERY_HIGH risk), or null. */
  activeSince: string | null;
  requirement: ClearanceRequirement;
  /** The day clearance is judged on: clearanceDay (the release date, or today once it has passed). */
  asOf: string;
  needs: Pathway[];
  /** The person's languages other than English. */
  languages: string[];
}

/** A volunteer row as `volunteerColumns` selects it. */
export interface VolunteerRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  user_id: string;
  organisation_id: string | null;
  display_name: string;
  status: VolunteerStatus;
  status_reason: string | null;
  outcode: string;
  latitude: number;
  longitude: number;
  travel_radius_km: number;
  gender: Gender;
  languages: string[];
  pathways: Pathway[];
  lived_experience: boolean;
  delivery_modes: DeliveryMode[];
  max_mentees: number;
  active_mentees: number;
  active_since: Date | null;
  /** users.disabled_at is set: the mentor cannot sign in (mentor-fit's accountDisabled). */
  account_disabled: boolean;
}

/** A volunteer row as the statements return it, with the distance to the release outcode. */
export interface MentorCandidateRow extends VolunteerRow {
  distance_km: number;
}

/** The entity of a plain volunteer row (numbers coerced: pg may hand numerics back as text). */
export function toVolunteer(row: VolunteerRow): VolunteerProfileEntity {
  return Object.assign(new VolunteerProfileEntity(), {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    userId: row.user_id,
    organisationId: row.organisation_id,
    displayName: row.display_name,
    status: row.status,
    statusReason: row.status_reason,
    outcode: row.outcode,
    location: { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    travelRadiusKm: Number(row.travel_radius_km),
    gender: row.gender,
    languages: row.languages,
    pathways: row.pathways,
    livedExperience: row.lived_experience,
    deliveryModes: row.delivery_modes,
    maxMentees: Number(row.max_mentees),
    activeMentees: Number(row.active_mentees),
    activeSince: row.active_since,
  });
}

/**
 * Whether the account of the volunteer whose users.id is `userId` is disabled (never NULL): one
 * primary-key probe of users. A scalar subquery, so the planner keeps it a per-row subplan (an
 * EXISTS could become a join reading every user) asked only of the rows that get that far.
 */
const accountDisabledSql = (userId: string) =>
  `coalesce((SELECT u.disabled_at IS NOT NULL FROM users u WHERE u.id = ${userId}), false)`;

/**
 * As accountDisabledSql, from the volunteer's id: for rows read from VOLUNTEER_REMOTE_INDEX alone,
 * which holds no user_id (so a second primary-key probe, of volunteer_profiles).
 */
const volunteerDisabledSql = (volunteerId: string) =>
  `coalesce((SELECT u.disabled_at IS NOT NULL FROM volunteer_profiles p JOIN users u ON u.id = p.user_id
      WHERE p.id = ${volunteerId}), false)`;

/** The volunteer's own columns, from the row aliased `a`, and whether their account is disabled. */
export const volunteerColumns = (
  a: string,
) => `${a}.id, ${a}.created_at, ${a}.updated_at, ${a}.user_id, ${a}.organisation_id,
  ${a}.display_name, ${a}.status, ${a}.status_reason, ${a}.outcode,
  ST_Y(${a}.location::geometry) AS latitude, ST_X(${a}.location::geometry) AS longitude,
  ${a}.travel_radius_km, ${a}.gender, ${a}.languages, ${a}.pathways, ${a}.lived_experience,
  ${a}.delivery_modes, ${a}.max_mentees, ${a}.active_mentees, ${a}.active_since,
  ${accountDisabledSql(`${a}.user_id`)} AS account_disabled`;

const DISTANCE_KM = (a: string) => `ST_Distance(${a}.location, r.location) / 1000`;
// `real` read the way the driver reads it (shortest decimal text, then a double), so 12.3 km
// compares and divides exactly as mentor-fit sees it.
const RADIUS_KM = (a: string) => `${a}.travel_radius_km::text::float8`;
const IN_PERSON = `'${DeliveryMode.IN_PERSON}' = ANY(v.delivery_modes)`;
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
// Written out (not parameters) so the planner can match the partial indexes' predicates.
const MATCHABLE_STATUS = `v.status IN (${list(MATCHABLE)})`;
const REMOTE = `v.delivery_modes && ARRAY[${list(REMOTE_MODES)}]`;

/**
 * A box around the mentor's home holding every point within their travel radius, indexed by
 * VOLUNTEER_REACH_INDEX (the migration spells the same expression): `&&` against the release point
 * finds the mentors who might reach it, and the exact distance decides. Along any path a degree of
 * latitude is over 110 km, and a degree of longitude over 111 km × cos(latitude) at the highest
 * latitude the path can reach.
 */
export const REACH_BOX =
  'ST_Expand(v.location::geometry, ' +
  'v.travel_radius_km::float8 / (111 * cos(radians(least(abs(ST_Y(v.location::geometry)) + v.travel_radius_km::float8 / 110, 89)))), ' +
  'v.travel_radius_km::float8 / 110)';

function statement() {
  const values: unknown[] = [];
  const param: SqlParam = (value, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  return { values, param };
}

/**
 * Hard rules on the volunteer row alone (status, capacity, women's schemes, service), never NULL:
 * excludedMentors negates them.
 */
function profileRules(filter: MentorCandidateFilter, param: SqlParam): string[] {
  const rules = [MATCHABLE_STATUS, 'v.active_mentees < v.max_mentees'];
  if (filter.femaleOnly) rules.push(`v.gender = '${Gender.FEMALE}'`);
  if (filter.activeSince !== null)
    rules.push(
      `coalesce((v.active_since AT TIME ZONE 'UTC')::date <= ${param(filter.activeSince, '::date')}, false)`,
    );
  return rules;
}

/**
 * The rules asked last, of candidates the index scans kept, in rank order and only until enough
 * have passed: the account can sign in (a probe by primary key), and clearance (a pass over the
 * mentor's checks).
 */
function lateRules(volunteerId: string, filter: MentorCandidateFilter, param: SqlParam): string {
  return `NOT ${volunteerDisabledSql(volunteerId)}
    AND ${clearedSql(volunteerId, filter.requirement, filter.asOf, param)}`;
}

/** mentor-fit's `Math.round(points * 100)` (halves up), on a float8 expression. */
const cents = (value: string) =>
  `(floor(${value}) + CASE WHEN ${value} - floor(${value}) >= 0.5 THEN 1 ELSE 0 END)`;

/**
 * The score in hundredths of a point, computed as mentor-fit computes it (the same doubles, the
 * same rounding of each component), so ordering by it orders exactly as the suggestions are
 * ranked. The distance component counts for mentors within reach, and is 0 for those met remotely.
 */
function scoreCents(filter: MentorCandidateFilter, param: SqlParam): string {
  const needs = filter.needs.length;
  const covered = filter.needs
    .map((need) => `(CASE WHEN ${param(need, '::text')} = ANY(c.pathways) THEN 1 ELSE 0 END)`)
    .join(' + ');
  const values: Record<keyof typeof WEIGHTS, string> = {
    needsExpertise: needs === 0 ? '0::float8' : `(${covered})::float8 / ${needs}::float8`,
    distance: `CASE WHEN c.within_reach THEN greatest(0::float8, 1 - c.distance_km / greatest(${RADIUS_KM('c')}, 1::float8)) ELSE 0::float8 END`,
    load: 'CASE WHEN c.max_mentees > 0 THEN 1 - c.active_mentees::float8 / c.max_mentees::float8 ELSE 0::float8 END',
    sharedLanguage:
      filter.languages.length === 0
        ? '0::float8'
        : `CASE WHEN c.languages && ${param(filter.languages, '::text[]')} THEN 1::float8 ELSE 0::float8 END`,
    livedExperience: 'CASE WHEN c.lived_experience THEN 1::float8 ELSE 0::float8 END',
  };
  return (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[])
    .map((name) => cents(`((${values[name]}) * ${WEIGHTS[name]}::float8 * 100::float8)`))
    .join('\n      + ');
}

const RELEASE = (param: SqlParam, outcode: string) =>
  `release AS MATERIALIZED (
  SELECT location, location::geometry AS point FROM outcodes WHERE outcode = ${param(outcode)}
)`;

/**
 * suggestMentors in one statement: the organisation's mentors who pass every hard rule, best first
 * (score, then nearer, then id — mentor-fit's order), `first` of them.
 *
 * - `near`: in-person mentors whose reach box holds the release point (VOLUNTEER_REACH_INDEX), kept
 *   when the exact distance is within their own radius.
 * - `candidate`: those, and — when the scheme works remotely — the organisation's other mentors
 *   offering one of its remote modes ((organisation_id, status) index), each passing the rules on
 *   the profile and scored. A remote mentor's score does not depend on distance, so the (dear,
 *   geodesic) distance is not computed for them yet.
 * - `threshold`: the `first`-th best score among candidates passing the late rules (an enabled
 *   account, clearance). They are asked in score order only until `first` have passed: the sorted
 *   subquery is fenced (OFFSET 0) so the filter stays above the sort, and LIMIT stops it.
 * - `best`: the candidates scoring at least that, now with their distances, in the final order,
 *   the late rules asked again in that order until `first` have passed; then their profiles.
 */
export function mentorSuggestionsSql(
  filter: MentorCandidateFilter,
  first: number,
): { text: string; values: unknown[] } {
  const { values, param } = statement();
  const release = RELEASE(param, filter.releaseOutcode);
  const organisation = param(filter.organisationId, '::uuid');
  const rules = profileRules(filter, param).join('\n      AND ');
  const limit = param(first, '::int');
  const arms = ['SELECT n.*, true AS within_reach FROM near n'];
  if (filter.remoteModes.length > 0) {
    // Read from VOLUNTEER_REMOTE_INDEX alone: every column here is in it.
    arms.push(`SELECT v.id, v.location, v.pathways, v.languages, v.lived_experience, v.max_mentees,
      v.active_mentees, NULL::real, NULL::float8, false
    FROM volunteer_profiles v
    WHERE v.organisation_id = ${organisation} AND ${REMOTE}
      AND v.delivery_modes && ${param(filter.remoteModes, '::text[]')}
      AND ${rules}
      AND NOT EXISTS (SELECT 1 FROM near n WHERE n.id = v.id)`);
  }
  const text = `WITH ${release},
near AS MATERIALIZED (
  SELECT n.* FROM (
    SELECT v.id, v.location, v.pathways, v.languages, v.lived_experience, v.max_mentees,
      v.active_mentees, v.travel_radius_km, ${DISTANCE_KM('v')} AS distance_km
    FROM release r JOIN volunteer_profiles v ON ${REACH_BOX} && r.point
    WHERE v.organisation_id = ${organisation} AND ${IN_PERSON}
      AND ${rules}
    OFFSET 0
  ) n
  WHERE n.distance_km <= ${RADIUS_KM('n')}
),
candidate AS MATERIALIZED (
  SELECT c.id, c.location, c.distance_km, ${scoreCents(filter, param)} AS score_cents
  FROM (
    ${arms.join('\n    UNION ALL\n    ')}
  ) c
),
threshold AS (
  SELECT min(t.score_cents) AS score_cents FROM (
    SELECT c.score_cents
    FROM (SELECT c.id, c.score_cents FROM candidate c ORDER BY c.score_cents DESC OFFSET 0) c
    WHERE ${lateRules('c.id', filter, param)}
    ORDER BY c.score_cents DESC
    LIMIT ${limit}
  ) t
),
best AS (
  SELECT c.id, c.distance_km, c.score_cents
  FROM (
    SELECT c.id, c.score_cents, coalesce(c.distance_km, ${DISTANCE_KM('c')}) AS distance_km
    FROM candidate c, release r
    WHERE c.score_cents >= (SELECT score_cents FROM threshold)
    ORDER BY c.score_cents DESC, distance_km, c.id
    OFFSET 0
  ) c
  WHERE ${lateRules('c.id', filter, param)}
  ORDER BY c.score_cents DESC, c.distance_km, c.id
  LIMIT ${limit}
)
SELECT ${volunteerColumns('v')}, b.distance_km, b.score_cents
FROM best b JOIN volunteer_profiles v ON v.id = b.id
ORDER BY b.score_cents DESC, b.distance_km, b.id`;
  return { text, values };
}

/**
 * excludedMentors in one statement: the organisation's volunteers (not WITHDRAWN or REJECTED) who
 * break at least one hard rule, nearest first (then id), `first` of them; within `withinKm` of the
 * release outcode when given (the GiST index on location), everyone otherwise. The account and
 * clearance are only asked of those passing every other rule, in distance order, until `first`
 * are found.
 */
export function excludedMentorsSql(
  filter: MentorCandidateFilter,
  first: number,
  withinKm: number | null,
): { text: string; values: unknown[] } {
  const { values, param } = statement();
  const release = RELEASE(param, filter.releaseOutcode);
  const organisation = param(filter.organisationId, '::uuid');
  const near =
    withinKm === null
      ? ''
      : `\n    AND ST_DWithin(v.location, r.location, ${param(withinKm * 1000, '::float8')})`;
  // The rules are written on `v` (the candidate row) as in mentorSuggestionsSql.
  const rules = profileRules(filter, param);
  const reach = `((${IN_PERSON} AND v.distance_km <= ${RADIUS_KM('v')})${
    filter.remoteModes.length > 0
      ? ` OR v.delivery_modes && ${param(filter.remoteModes, '::text[]')}`
      : ''
  })`;
  const enabled = `NOT ${accountDisabledSql('v.user_id')}`;
  const cleared = clearedSql('v.id', filter.requirement, filter.asOf, param);
  const text = `WITH ${release}
SELECT ${volunteerColumns('v')}, v.distance_km
FROM (
  SELECT v.*, ${DISTANCE_KM('v')} AS distance_km
  FROM release r JOIN volunteer_profiles v ON v.organisation_id = ${organisation}
  WHERE v.status NOT IN ('${VolunteerStatus.WITHDRAWN}', '${VolunteerStatus.REJECTED}')${near}
  ORDER BY distance_km, v.id
  OFFSET 0
) v
WHERE NOT (${[...rules, reach, enabled, cleared].join('\n    AND ')})
ORDER BY v.distance_km, v.id
LIMIT ${param(first, '::int')}`;
  return { text, values };
}
