import {
  DeliveryMode,
  ENGLISH,
  Gender,
  OrganisationSpecialism,
  PATHWAY_WORDS,
  Pathway,
  RiskLevel,
  languageName,
} from '@app/core';
import { isRemoteOnly } from '../scheme-rules';

/** What ranking needs to know of a scheme that passed the hard filters and covers the place. */
export interface RankCandidate {
  id: string;
  name: string;
  pathways: Pathway[];
  deliveryModes: DeliveryMode[];
  coverageLocalAuthorities: string[];
  national: boolean;
  prisonsServed: string[];
  capacity: number;
  activeMentees: number;
  organisationSpecialisms: OrganisationSpecialism[];
  /** From the release location to the scheme's base; null without a base. */
  distanceKm: number | null;
}

/** The person and place searched for, as ranking and reasons need them. */
export interface RankQuery {
  /** "LS6", or null when searched by local authority. */
  outcode: string | null;
  localAuthority: { code: string; name: string } | null;
  prison: { code: string; name: string } | null;
  radiusKm: number;
  needs: Pathway[];
  gender: Gender | null;
  age: number | null;
  riskLevel: RiskLevel | null;
  language: string | null;
  preferredSpecialisms: OrganisationSpecialism[];
}

export interface RankedService<C extends RankCandidate = RankCandidate> {
  candidate: C;
  score: number;
  /** Null for national and remote-only schemes (contract). */
  distanceKm: number | null;
  reasons: string[];
  hasCapacity: boolean;
  throughTheGate: boolean;
}

/**
 * Weights. Through-the-gate outweighs everything else together, so those schemes come first; then
 * the share of needs covered, nearness, specialist fit and places free. Full schemes (shown only
 * with includeFull) sort after every scheme with a place, whatever their score.
 */
export const WEIGHTS = {
  throughTheGate: 100,
  needs: 30,
  distance: 15,
  /** Nearness credited to a scheme covering the local authority without a measurable distance. */
  localAuthorityWithoutDistance: 7.5,
  specialism: 5,
  specialismCap: 10,
  capacity: 5,
} as const;

const SPECIALISM_WORDS: Record<OrganisationSpecialism, string> = {
  [OrganisationSpecialism.WOMEN]: 'women-led organisation',
  [OrganisationSpecialism.BME]: 'specialises in Black and minority ethnic people',
  [OrganisationSpecialism.FAITH]: 'faith-based organisation',
  [OrganisationSpecialism.YOUNG_PEOPLE]: 'specialises in young adults (18–25)',
  [OrganisationSpecialism.FAMILIES]: 'specialises in families',
  [OrganisationSpecialism.LIVED_EXPERIENCE_LED]: 'led by people with lived experience',
  [OrganisationSpecialism.SOCIAL_ENTERPRISE]: 'social enterprise',
  [OrganisationSpecialism.SMALL_LOCAL]: 'small local organisation',
};

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

/**
 * The organisation specialisms that fit this person: those asked for, WOMEN for women and
 * YOUNG_PEOPLE for 18–25 (the search statement scores with the same set).
 */
export function wantedSpecialisms(
  query: Pick<RankQuery, 'preferredSpecialisms' | 'gender' | 'age'>,
): Set<OrganisationSpecialism> {
  const wanted = new Set(query.preferredSpecialisms);
  if (query.gender === Gender.FEMALE) wanted.add(OrganisationSpecialism.WOMEN);
  if (query.age !== null && query.age >= 18 && query.age <= 25)
    wanted.add(OrganisationSpecialism.YOUNG_PEOPLE);
  return wanted;
}

/** The specialisms of the organisation that fit this person, in a stable order. */
function specialistFit(candidate: RankCandidate, query: RankQuery): OrganisationSpecialism[] {
  const wanted = wantedSpecialisms(query);
  return Object.values(OrganisationSpecialism).filter(
    (specialism) =>
      wanted.has(specialism) && candidate.organisationSpecialisms.includes(specialism),
  );
}

/** Scores and explains one candidate. */
export function rankOne<C extends RankCandidate>(candidate: C, query: RankQuery): RankedService<C> {
  const reasons: string[] = [];
  let score = 0;

  const throughTheGate =
    query.prison !== null && candidate.prisonsServed.includes(query.prison.code);
  if (throughTheGate && query.prison) {
    score += WEIGHTS.throughTheGate;
    reasons.push(`meets people in ${query.prison.name} before release`);
  }

  const remoteOnly = isRemoteOnly(candidate.deliveryModes);
  const coversAuthority =
    query.localAuthority !== null &&
    candidate.coverageLocalAuthorities.includes(query.localAuthority.code);
  const distanceKm = candidate.national || remoteOnly ? null : candidate.distanceKm;
  if (coversAuthority && query.localAuthority) reasons.push(`covers ${query.localAuthority.name}`);
  else if (candidate.national) reasons.push('national service');
  if (distanceKm !== null) {
    const from = query.outcode ?? `the centre of ${query.localAuthority?.name ?? 'the area'}`;
    reasons.push(`${distanceKm.toFixed(1)} km from ${from}`);
    const radius = Math.max(query.radiusKm, 1);
    score += WEIGHTS.distance * Math.max(0, 1 - distanceKm / radius);
  } else if (coversAuthority) {
    score += WEIGHTS.localAuthorityWithoutDistance;
  }
  if (remoteOnly) {
    const modes = candidate.deliveryModes.map((mode) =>
      mode === DeliveryMode.PHONE ? 'phone' : 'online',
    );
    reasons.push(`by ${modes.join(' or ')} only`);
  }

  if (query.needs.length > 0) {
    const covered = query.needs.filter((need) => candidate.pathways.includes(need));
    score += (WEIGHTS.needs * covered.length) / query.needs.length;
    const list = covered.map((need) => PATHWAY_WORDS[need]).join(', ');
    reasons.push(
      `covers ${covered.length} of ${query.needs.length} needs${list ? `: ${list}` : ''}`,
    );
  }

  const fits = specialistFit(candidate, query);
  score += Math.min(WEIGHTS.specialismCap, WEIGHTS.specialism * fits.length);
  for (const fit of fits) reasons.push(SPECIALISM_WORDS[fit]);

  if (query.language && query.language !== ENGLISH)
    reasons.push(`offers support in ${languageName(query.language)}`);
  if (query.riskLevel === RiskLevel.HIGH || query.riskLevel === RiskLevel.VERY_HIGH) {
    reasons.push(
      `accepts ${query.riskLevel === RiskLevel.HIGH ? 'high' : 'very high'} risk of serious harm`,
    );
  }

  const free = Math.max(0, candidate.capacity - candidate.activeMentees);
  const hasCapacity = free > 0;
  if (hasCapacity) {
    score += (WEIGHTS.capacity * free) / candidate.capacity;
    reasons.push(`${free} of ${candidate.capacity} places free`);
  } else {
    reasons.push('no places free (waiting list)');
  }

  return {
    candidate,
    score: round(score, 3),
    distanceKm: distanceKm === null ? null : round(distanceKm, 2),
    reasons,
    hasCapacity,
    throughTheGate,
  };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks the candidates of one search, best first: schemes with places before full ones, then by
 * score, then nearer, then by name and id so equal schemes always come out in the same order.
 */
export function rankServices<C extends RankCandidate>(
  candidates: readonly C[],
  query: RankQuery,
  first: number,
): RankedService<C>[] {
  return candidates
    .map((candidate) => rankOne(candidate, query))
    .sort(
      (a, b) =>
        Number(b.hasCapacity) - Number(a.hasCapacity) ||
        b.score - a.score ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        compareText(a.candidate.name, b.candidate.name) ||
        compareText(a.candidate.id, b.candidate.id),
    )
    .slice(0, first);
}
