import {
  DeliveryMode,
  Gender,
  LatLng,
  OrganisationSpecialism,
  Pathway,
  RiskLevel,
} from '@app/core';
import { WEIGHTS } from './rank-services';

/** The hard filters and coverage of one search, already resolved to a point and a local authority. */
export interface ServiceSearchFilter {
  /** Release location: outcode centroid, or the local authority's centre. */
  point: LatLng | null;
  localAuthorityCode: string | null;
  radiusKm: number;
  needs: Pathway[];
  gender: Gender | null;
  age: number | null;
  riskLevel: RiskLevel | null;
  deliveryModes: DeliveryMode[];
  /** A language other than English the person needs. */
  language: string | null;
  includeFull: boolean;
}

/** What ranking needs beyond the filter (see rankOne), and how many ranked rows to return. */
export interface ServiceRanking {
  /** The prison the person is held in: its through-the-gate schemes come first. */
  prisonCode: string | null;
  /** `wantedSpecialisms(query)` of rank-services. */
  wantedSpecialisms: readonly OrganisationSpecialism[];
  /** The best `first` rows; null for every candidate, ranked. */
  first: number | null;
}

export const UNLIMITED_RANKING: ServiceRanking = {
  prisonCode: null,
  wantedSpecialisms: [],
  first: null,
};

/** One candidate row: the scheme, its organisation's public fields, and how it covers the place. */
export interface ServiceSearchRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  organisation_id: string;
  name: string;
  description: string;
  pathways: Pathway[];
  genders: Gender[];
  min_age: number | null;
  max_age: number | null;
  max_risk_level: RiskLevel;
  delivery_modes: DeliveryMode[];
  languages: string[];
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  coverage_local_authorities: string[];
  radius_km: number | null;
  national: boolean;
  prisons_served: string[];
  required_dbs_level: string;
  required_barred_lists: string[];
  capacity: number;
  active_mentees: number;
  active: boolean;
  organisation_name: string;
  organisation_charity_number: string | null;
  organisation_specialisms: string[];
  organisation_dbs_recheck_years: number;
  distance_km: number | null;
  /** rankOne's score, computed by the statement to order and cut the rows. */
  score: number;
}

const RISK_ORDER = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH];

/** Risk levels at or above `level`: the schemes whose maxRiskLevel accepts the person. */
export function acceptingRiskLevels(level: RiskLevel): RiskLevel[] {
  return RISK_ORDER.slice(RISK_ORDER.indexOf(level));
}

/**
 * The one statement behind searchServices (the benchmark runs the same text through raw pg).
 * Coverage is an OR of three indexable arms, so PostgreSQL can answer it with a BitmapOr of the
 * partial `national` index, the GIN index on the coverage list and the GiST index on the base
 * (ST_DWithin on geography). Remote-only schemes never cover by radius. Hard filters follow; only
 * the ones the search uses are written, so each plan is made for the question actually asked.
 *
 * The statement also scores and orders the candidates exactly as `rankServices` does and returns
 * only the best `first`: few rows cross the wire and the API explains only those. The score repeats
 * rankOne's float8 arithmetic step by step, in the same order, with JavaScript's Math.round, so
 * both give the same number to the last bit (test/search-sql-ranking.e2e-spec.ts checks it).
 */
export function serviceSearchSql(
  filter: ServiceSearchFilter,
  ranking: ServiceRanking = UNLIMITED_RANKING,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown, cast = ''): string => {
    values.push(value);
    return `$${values.length}${cast}`;
  };

  let point: string | null = null;
  let radiusArm: string | null = null;
  if (filter.point) {
    point = `ST_SetSRID(ST_MakePoint(${param(filter.point.longitude)}::float8, ${param(filter.point.latitude)}::float8), 4326)::geography`;
    radiusArm =
      `('IN_PERSON' = ANY(s.delivery_modes) AND ST_DWithin(s.location, ${point}, ${param(filter.radiusKm * 1000)}::float8)` +
      ` AND ST_DWithin(s.location, ${point}, s.radius_km * 1000))`;
  }
  const authority = filter.localAuthorityCode
    ? `ARRAY[${param(filter.localAuthorityCode)}::text]`
    : null;
  const arms = ['s.national'];
  if (authority) arms.push(`s.coverage_local_authorities @> ${authority}`);
  if (radiusArm) arms.push(radiusArm);

  const where = ['s.active', `(${arms.join(' OR ')})`];
  if (filter.gender)
    where.push(`(cardinality(s.genders) = 0 OR ${param(filter.gender)}::text = ANY(s.genders))`);
  if (filter.age !== null) {
    const age = param(filter.age, '::int');
    where.push(
      `(s.min_age IS NULL OR s.min_age <= ${age}) AND (s.max_age IS NULL OR s.max_age >= ${age})`,
    );
  }
  if (filter.riskLevel)
    where.push(
      `s.max_risk_level = ANY(${param(acceptingRiskLevels(filter.riskLevel), '::text[]')})`,
    );
  const needs = filter.needs.length > 0 ? param(filter.needs, '::text[]') : null;
  if (needs) where.push(`s.pathways && ${needs}`);
  if (filter.deliveryModes.length > 0)
    where.push(`s.delivery_modes && ${param(filter.deliveryModes, '::text[]')}`);
  if (filter.language) where.push(`${param(filter.language)}::text = ANY(s.languages)`);
  if (!filter.includeFull) where.push('s.active_mentees < s.capacity');

  // Ranking terms, each as rankOne adds it (a term that cannot apply is left out, like `+= 0`).
  const prison = ranking.prisonCode ? param(ranking.prisonCode, '::text') : null;
  const throughTheGate = prison ? `${prison} = ANY(c.prisons_served)` : 'false';
  const coversAuthority = authority ? `c.coverage_local_authorities @> ${authority}` : 'false';
  const terms = [
    `CASE WHEN ${throughTheGate} THEN ${WEIGHTS.throughTheGate} ELSE 0 END`,
    `CASE WHEN k.distance_km IS NOT NULL
      THEN ${WEIGHTS.distance} * greatest(0, 1 - k.distance_km / ${param(Math.max(filter.radiusKm, 1), '::float8')})
      WHEN ${coversAuthority} THEN ${WEIGHTS.localAuthorityWithoutDistance} ELSE 0 END`,
  ];
  if (needs)
    terms.push(
      `(${WEIGHTS.needs} * (SELECT count(*) FROM unnest(${needs}) need WHERE need = ANY(c.pathways)))::float8 / ${filter.needs.length}`,
    );
  if (ranking.wantedSpecialisms.length > 0)
    terms.push(
      `least(${WEIGHTS.specialismCap}, ${WEIGHTS.specialism} * (SELECT count(*) FROM unnest(${param([...new Set(ranking.wantedSpecialisms)], '::text[]')}) fit WHERE fit = ANY(o.specialisms)))`,
    );
  terms.push(
    `CASE WHEN k.free > 0 THEN (${WEIGHTS.capacity} * k.free)::float8 / c.capacity ELSE 0 END`,
  );
  const limit = ranking.first === null ? '' : `\nLIMIT ${param(ranking.first, '::int')}`;

  // MATERIALIZED: the schemes are found from their own indexes first and only then joined to their
  // organisations, whatever the planner guesses about how selective the filters are together (a
  // nested loop driven by organisations costs 30x more at 10,000 schemes).
  // Ranking: places first, then the score (rounded to 3 places as the API shows it), the distance
  // (rounded to 2 places; none last), the name in code-point order, the id.
  const text = `WITH candidate AS MATERIALIZED (
  SELECT s.id, s.created_at, s.updated_at, s.organisation_id, s.name, s.description, s.pathways,
    s.genders, s.min_age, s.max_age, s.max_risk_level, s.delivery_modes, s.languages, s.postcode,
    ST_Y(s.location::geometry) AS latitude, ST_X(s.location::geometry) AS longitude,
    s.coverage_local_authorities, s.radius_km, s.national, s.prisons_served, s.required_dbs_level,
    s.required_barred_lists, s.capacity, s.active_mentees, s.active,
    ${point ? `ST_Distance(s.location, ${point}) / 1000` : 'NULL::float8'} AS distance_km
  FROM schemes s
  WHERE ${where.join('\n    AND ')}
)
SELECT c.*, o.name AS organisation_name, o.charity_number AS organisation_charity_number,
  o.specialisms AS organisation_specialisms, o.dbs_recheck_years AS organisation_dbs_recheck_years,
  r.score
FROM candidate c
JOIN organisations o ON o.id = c.organisation_id
CROSS JOIN LATERAL (SELECT
    CASE WHEN c.national OR NOT ('IN_PERSON' = ANY(c.delivery_modes)) THEN NULL ELSE c.distance_km END AS distance_km,
    greatest(0, c.capacity - c.active_mentees) AS free) k
CROSS JOIN LATERAL (SELECT 0::float8
    + ${terms.join('\n    + ')} AS score) raw
CROSS JOIN LATERAL (SELECT ${mathRound('raw.score * 1000')} / 1000 AS score,
    ${mathRound('k.distance_km * 100')} / 100 AS distance_km) r
ORDER BY k.free > 0 DESC, r.score DESC, r.distance_km ASC NULLS LAST, c.name COLLATE "C", c.id${limit}`;
  return { text, values };
}

/** JavaScript's Math.round for a non-negative float8: halves go up (PostgreSQL's round() goes to even). */
function mathRound(value: string): string {
  return `(floor(${value}) + CASE WHEN ${value} - floor(${value}) >= 0.5 THEN 1 ELSE 0 END)`;
}
