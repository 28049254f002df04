import { WEIGHTS } from '../matches/mentor-fit';

/**
 * A cheap upper bound on mentorFit's score for one pair, so a whole scheme's referrals can be
 * ranked against every mentor without running mentorFit 40 million times. It is never used to
 * decide a pair: mentorFit decides every pair that is proposed. It only orders which pairs to
 * evaluate, and says how good an unevaluated pair could at best be (for the optimality check).
 * score-bound.spec.ts checks it against mentorFit on random facts.
 *
 * The bound is mentorFit's score with the distance component taken at its best for a distance no
 * shorter than `distanceLowerKm`; -1 when the pair cannot be in reach at all (in person too far
 * and no remote mode shared).
 */
export interface BoundFacts {
  /** Needs of the person the mentor knows, and how many needs there are. */
  needsCovered: number;
  needsCount: number;
  /** The mentor speaks a language of the person other than English. */
  sharesLanguage: boolean;
  livedExperience: boolean;
  maxMentees: number;
  activeMentees: number;
  inPerson: boolean;
  /** A remote mode the mentor offers and the scheme uses. */
  remote: boolean;
  travelRadiusKm: number;
  /** Never more than the distance mentorFit will be given. */
  distanceLowerKm: number;
}

/** mentorFit rounds each component and the sum to two places; this covers it. */
const ROUNDING = 0.05;

export function scoreBound(facts: BoundFacts): number {
  const reachable = facts.inPerson && facts.distanceLowerKm <= facts.travelRadiusKm;
  if (!reachable && !facts.remote) return -1;
  const distance = reachable
    ? Math.max(0, 1 - Math.max(0, facts.distanceLowerKm) / Math.max(facts.travelRadiusKm, 1))
    : 0;
  return (
    WEIGHTS.needsExpertise * (facts.needsCount === 0 ? 0 : facts.needsCovered / facts.needsCount) +
    WEIGHTS.distance * distance +
    WEIGHTS.load * (facts.maxMentees > 0 ? 1 - facts.activeMentees / facts.maxMentees : 0) +
    WEIGHTS.sharedLanguage * (facts.sharesLanguage ? 1 : 0) +
    WEIGHTS.livedExperience * (facts.livedExperience ? 1 : 0) +
    ROUNDING
  );
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * A lower bound of PostGIS' geography distance (on the WGS84 spheroid) from the great-circle
 * distance: the two differ by less than 0.6 %, so 1 % and 50 m less is never more.
 */
export function distanceLowerKm(
  latitudeA: number,
  longitudeA: number,
  latitudeB: number,
  longitudeB: number,
): number {
  const dLat = (latitudeB - latitudeA) * RAD;
  const dLng = (longitudeB - longitudeA) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(latitudeA * RAD) * Math.cos(latitudeB * RAD) * Math.sin(dLng / 2) ** 2;
  const greatCircle = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.max(0, greatCircle * 0.99 - 0.05);
}
