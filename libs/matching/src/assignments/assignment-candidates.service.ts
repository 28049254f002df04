import { Clock, DeliveryMode, Pathway, RiskLevel } from '@app/core';
import { SchemeEntity } from '@app/schemes';
import { ClearanceRequirement, ClearanceService, VettingCheckRow } from '@app/vetting';
import { VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clearanceDay } from '../matches/clearance-day';
import { mentorFactsOf } from '../matches/mentor-assessment.service';
import { VolunteerRow, toVolunteer, volunteerColumns } from '../matches/mentor-candidates.sql';
import { MentorFit, mentorFit, remoteModes } from '../matches/mentor-fit';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralEntity } from '../referrals/referral.entity';
import { LazyPairs } from './lazy-plan';
import { distanceLowerKm, scoreBound } from './score-bound';

/** One referral–mentor pair that passes every hard rule, with its suggestion score. */
export interface EligiblePair {
  referral: number;
  volunteer: number;
  score: number;
}

/** Pairs per distance query. */
const DISTANCE_BATCH = 20_000;
/** Pairs evaluated per referral in the first round; each further round takes four times more. */
const FIRST_ROUND = 8;
const GROWTH = 4;
/** Best-bounded mentors kept per referral between rounds. */
const CACHED = 512;

/** Scores a referral's pairs with scoreBound into `out` (-1: never in reach); one per mentor. */
export type BoundScorer = (referral: number, out: Float64Array) => void;
/** mentorFit for pairs of referrals and mentors (by index). */
export type PairJudge = (pairs: { referral: number; volunteer: number }[]) => Promise<MentorFit[]>;

/**
 * The scheme's open referrals, the organisation's mentors with a free place, and the eligible
 * pairs found so far. Each referral's mentors are taken in descending scoreBound; `evaluate` runs
 * the real rules (mentorFit, with clearance on the clearance day and the distance PostGIS
 * measures, as suggestMentors does) on the next batch of them. `unseenBound` is the best score a
 * pair not yet evaluated could have, so the caller stops once no unseen pair could improve its plan.
 */
export class CandidatePool implements LazyPairs {
  readonly pairs: EligiblePair[] = [];
  readonly rows: number;
  /** Free places of each mentor: maxMentees − activeMentees, as proposeMatch counts them. */
  readonly capacities: number[];
  private readonly taken: Int32Array;
  private readonly unseen: Float64Array;
  private readonly scratch: Float64Array;
  private readonly cache = new Map<
    number,
    { order: Int32Array; bounds: Float64Array; complete: boolean }
  >();
  evaluated = 0;
  /** Time spent reading referrals, mentors and checks, and screening mentors, in ms. */
  preparedMs = { readMs: 0, screenMs: 0 };

  constructor(
    readonly referrals: ReferralEntity[],
    readonly volunteers: VolunteerProfileEntity[],
    private readonly bound: BoundScorer,
    private readonly judge: PairJudge,
  ) {
    this.rows = referrals.length;
    this.capacities = volunteers.map((v) => Math.max(0, v.maxMentees - v.activeMentees));
    this.taken = new Int32Array(referrals.length);
    this.unseen = new Float64Array(referrals.length).fill(Number.POSITIVE_INFINITY);
    this.scratch = new Float64Array(volunteers.length);
  }

  /** The best score a pair of this referral not evaluated yet could have; -1 when none is left. */
  unseenBound(referral: number): number {
    return this.unseen[referral];
  }

  /**
   * The referral's `k` best-bounded mentors, best first. The first call ranks (and keeps) at
   * least CACHED of them, so later rounds rarely rank all mentors again.
   */
  private ranked(referral: number, k: number): { order: Int32Array; bounds: Float64Array } {
    const cached = this.cache.get(referral);
    if (cached && (cached.order.length >= k || cached.complete)) return cached;
    this.bound(referral, this.scratch);
    const want = Math.max(k, CACHED);
    const order = topByBound(this.scratch, want);
    const entry = {
      order,
      bounds: Float64Array.from(order, (v) => this.scratch[v]),
      complete: order.length < want,
    };
    this.cache.set(referral, entry);
    return entry;
  }

  /** Evaluates the next, larger batch of each given referral's best-bounded pairs. */
  async evaluate(referrals: readonly number[]): Promise<void> {
    const batch: { referral: number; volunteer: number }[] = [];
    for (const r of referrals) {
      const from = this.taken[r];
      const to = from === 0 ? FIRST_ROUND : from * GROWTH;
      const { order, bounds } = this.ranked(r, to + 1);
      const next = order.subarray(from, Math.min(to, order.length));
      for (const v of next) batch.push({ referral: r, volunteer: v });
      this.taken[r] = from + next.length;
      this.unseen[r] = order.length > to ? bounds[to] : -1;
    }
    const fits = await this.judge(batch);
    this.evaluated += batch.length;
    fits.forEach((fit, k) => {
      if (fit.exclusions.length === 0) this.pairs.push({ ...batch[k], score: fit.score });
    });
  }
}

/**
 * Indexes of the `k` largest non-negative values, largest first (ties: lower index first), with
 * a size-k min-heap: O(n log k) instead of sorting n.
 */
export function topByBound(values: Float64Array, k: number): Int32Array {
  const heap = new Int32Array(k);
  let size = 0;
  // "a ranks below b": smaller value, or equal value and higher index.
  const below = (a: number, b: number) =>
    values[a] < values[b] || (values[a] === values[b] && a > b);
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      let low = left;
      if (left + 1 < size && below(heap[left + 1], heap[left])) low = left + 1;
      if (!below(heap[low], heap[at])) return;
      [heap[low], heap[at]] = [heap[at], heap[low]];
      at = low;
    }
  };
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) continue;
    if (size < k) {
      let at = size++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!below(heap[at], heap[parent])) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (k > 0 && below(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return Int32Array.from(Array.from(heap.subarray(0, size)).sort((a, b) => (below(a, b) ? 1 : -1)));
}

/**
 * Reads what proposeAssignments needs for a scheme in a few queries (suggestMentors reads the
 * organisation's mentors once per referral; for a whole scheme that would be once per referral).
 */
@Injectable()
export class AssignmentCandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clearance: ClearanceService,
    private readonly clock: Clock,
  ) {}

  /** ACCEPTED referrals of the scheme with no proposed or accepted match (what proposeMatch takes). */
  openReferrals(schemeId: string): Promise<ReferralEntity[]> {
    return this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where('r.schemeId = :schemeId AND r.status = :status', {
        schemeId,
        status: ReferralStatus.ACCEPTED,
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM matches m WHERE m.referral_id = r.id AND m.status IN ('PROPOSED', 'ACCEPTED'))`,
      )
      .orderBy('r.releaseDate', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  async pool(scheme: SchemeEntity): Promise<CandidatePool> {
    const t0 = performance.now();
    const referrals = await this.openReferrals(scheme.id);
    const [requirement] = await this.clearance.requirements([scheme.id]);
    const { volunteers, disabled } =
      referrals.length === 0 || !requirement
        ? { volunteers: [], disabled: new Set<string>() }
        : await this.volunteersWithRoom(scheme);
    const outcodes = await this.outcodeCentres(referrals.map((r) => r.releaseOutcode));
    const checks = await this.checksOf(volunteers.map((v) => v.id));
    const t2 = performance.now();
    const cleared = requirement
      ? new ClearanceMemo(this.clearance, requirement.requirement, checks)
      : null;
    const today = this.clock.today();
    const screened = cleared
      ? screen(referrals, volunteers, disabled, scheme, cleared, today)
      : new Map();
    const bound = boundScorer(referrals, volunteers, screened, outcodes, scheme);
    const t3 = performance.now();

    const judge: PairJudge = async (pairs) => {
      const distances = await this.distances(
        pairs.map((pair) => [
          volunteers[pair.volunteer].id,
          referrals[pair.referral].releaseOutcode,
        ]),
      );
      return pairs.map((pair, k) => {
        const volunteer = volunteers[pair.volunteer];
        const referral = referrals[pair.referral];
        return fitOf(
          volunteer,
          distances[k],
          cleared
            ? cleared.missing(volunteer.id, clearanceDay(referral.releaseDate, today))
            : ['no requirement'],
          disabled.has(volunteer.id),
          referral,
          scheme,
          today,
        );
      });
    };
    const pool = new CandidatePool(referrals, volunteers, bound, judge);
    pool.preparedMs = {
      readMs: Math.round(t2 - t0),
      screenMs: Math.round(t3 - t2),
    };
    return pool;
  }

  /**
   * Mentors of the organisation who could ever take a referral and have a free place: the plan
   * gives nobody more than maxMentees − activeMentees (as proposeMatch and respondToMatch count).
   * `disabled`: the ids of those whose account is disabled (mentorFit excludes them).
   */
  private async volunteersWithRoom(
    scheme: SchemeEntity,
  ): Promise<{ volunteers: VolunteerProfileEntity[]; disabled: Set<string> }> {
    // One plain query (no entity hydration): tens of thousands of rows.
    const rows: VolunteerRow[] = await this.dataSource.query(
      `SELECT ${volunteerColumns('v')}
         FROM volunteer_profiles v
        WHERE organisation_id = $1 AND status NOT IN ('WITHDRAWN', 'REJECTED')
          AND active_mentees < max_mentees
        ORDER BY id`,
      [scheme.organisationId],
    );
    return {
      volunteers: rows.map(toVolunteer),
      disabled: new Set(rows.filter((row) => row.account_disabled).map((row) => row.id)),
    };
  }

  private async outcodeCentres(
    outcodes: string[],
  ): Promise<Map<string, { latitude: number; longitude: number }>> {
    const rows: { outcode: string; latitude: number; longitude: number }[] =
      await this.dataSource.query(
        `SELECT outcode, ST_Y(location::geometry) AS latitude, ST_X(location::geometry) AS longitude
           FROM outcodes WHERE outcode = ANY($1::text[])`,
        [[...new Set(outcodes)]],
      );
    return new Map(rows.map((row) => [row.outcode, row]));
  }

  /** Distance in km of each (volunteer, release outcode), measured as suggestMentors measures it. */
  private async distances(pairs: [string, string][]): Promise<number[]> {
    const out: number[] = new Array<number>(pairs.length).fill(Number.POSITIVE_INFINITY);
    const size = DISTANCE_BATCH;
    for (let start = 0; start < pairs.length; start += size) {
      const part = pairs.slice(start, start + size);
      const rows: { i: string; distance_km: number }[] = await this.dataSource.query(
        `SELECT p.i, ST_Distance(v.location, o.location) / 1000 AS distance_km
           FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS p(id, outcode, i)
           JOIN volunteer_profiles v ON v.id = p.id
           JOIN outcodes o ON o.outcode = p.outcode`,
        [part.map((pair) => pair[0]), part.map((pair) => pair[1])],
      );
      for (const row of rows) out[start + Number(row.i) - 1] = Number(row.distance_km);
    }
    return out;
  }

  /** The checks clearance reads, of each volunteer, in one plain query. */
  private async checksOf(ids: string[]): Promise<Map<string, VettingCheckRow[]>> {
    const rows: CheckRow[] = await this.dataSource.query(
      `SELECT volunteer_id, kind, outcome, dbs_level, barred_lists, barred_on,
              expires_on::text AS expires_on, decided_at, superseded
         FROM vetting_checks WHERE volunteer_id = ANY($1::uuid[])`,
      [ids],
    );
    const byVolunteer = new Map<string, VettingCheckRow[]>();
    for (const row of rows) {
      // The fields mentorFactsOf (ClearanceService.evaluate) reads; nothing else is needed.
      const check = {
        volunteerId: row.volunteer_id,
        kind: row.kind,
        outcome: row.outcome,
        dbsLevel: row.dbs_level,
        barredLists: row.barred_lists,
        barredOn: row.barred_on,
        expiresOn: row.expires_on,
        decidedAt: row.decided_at,
        superseded: row.superseded,
      } as VettingCheckRow;
      const list = byVolunteer.get(row.volunteer_id) ?? [];
      list.push(check);
      byVolunteer.set(row.volunteer_id, list);
    }
    return byVolunteer;
  }
}

interface CheckRow {
  volunteer_id: string;
  kind: VettingCheckRow['kind'];
  outcome: VettingCheckRow['outcome'];
  dbs_level: VettingCheckRow['dbsLevel'];
  barred_lists: VettingCheckRow['barredLists'];
  barred_on: VettingCheckRow['barredOn'];
  expires_on: string | null;
  decided_at: Date | null;
  superseded: boolean;
}

/**
 * scoreBound of one referral against every mentor, with the mentors' facts in typed arrays and
 * bit masks: this is the one loop over every referral × mentor, so it allocates nothing per pair.
 */
function boundScorer(
  referrals: ReferralEntity[],
  volunteers: VolunteerProfileEntity[],
  screened: Map<RiskLevel, Int32Array>,
  centres: Map<string, { latitude: number; longitude: number }>,
  scheme: SchemeEntity,
): BoundScorer {
  const bit = new Map<string, number>();
  const maskOf = (values: readonly string[]) => {
    let mask = 0;
    for (const value of values) {
      if (!bit.has(value)) bit.set(value, bit.size);
      const at = bit.get(value)!;
      // Past 31 distinct languages the mask says "maybe shared": still an upper bound.
      mask |= at < 31 ? 1 << at : 1 << 31;
    }
    return mask;
  };
  for (const pathway of Object.values(Pathway)) maskOf([`p:${pathway}`]);
  const count = volunteers.length;
  const pathways = new Int32Array(count);
  const languages = new Int32Array(count);
  volunteers.forEach((v, i) => {
    pathways[i] = maskOf(v.pathways.map((p) => `p:${p}`));
    languages[i] = maskOf(v.languages.map((l) => `l:${l}`)) | (1 << 31);
  });
  const locations = new Map<string, number>();
  const locationOf = Int32Array.from(volunteers, (v) => {
    const key = `${v.location.latitude},${v.location.longitude}`;
    if (!locations.has(key)) locations.set(key, locations.size);
    return locations.get(key)!;
  });
  const measured = new Float64Array(locations.size);
  const measuredFor = new Int32Array(locations.size);
  const facts = volunteers.map((v) => ({
    needsCovered: 0,
    needsCount: 0,
    sharesLanguage: false,
    livedExperience: v.livedExperience,
    maxMentees: v.maxMentees,
    activeMentees: v.activeMentees,
    inPerson: v.deliveryModes.includes(DeliveryMode.IN_PERSON),
    remote: remoteModes(v.deliveryModes, scheme.deliveryModes).length > 0,
    travelRadiusKm: v.travelRadiusKm,
    distanceLowerKm: 0,
  }));

  return (r, out) => {
    const referral = referrals[r];
    const centre = centres.get(referral.releaseOutcode);
    const needMasks = referral.needs.map((need) => maskOf([`p:${need}`]));
    // English is not scored as a shared language (mentor-fit): everyone speaks it.
    const spoken = maskOf(referral.languages.filter((l) => l !== 'en').map((l) => `l:${l}`));
    out.fill(-1);
    for (const i of screened.get(referral.riskLevel) ?? []) {
      const fact = facts[i];
      let covered = 0;
      for (const mask of needMasks) if (pathways[i] & mask) covered++;
      fact.needsCovered = covered;
      fact.needsCount = needMasks.length;
      fact.sharesLanguage = spoken !== 0 && (languages[i] & spoken) !== 0;
      // Mentors share locations (outcode centres): one distance per location and referral.
      const at = locationOf[i];
      if (measuredFor[at] !== r + 1) {
        measuredFor[at] = r + 1;
        const { latitude, longitude } = volunteers[i].location;
        measured[at] = centre
          ? distanceLowerKm(latitude, longitude, centre.latitude, centre.longitude)
          : Number.POSITIVE_INFINITY;
      }
      fact.distanceLowerKm = measured[at];
      out[i] = scoreBound(fact);
    }
  };
}

/**
 * Per risk level, the mentors that mentorFit does not exclude in the best case this scheme offers:
 * at distance 0, on the earliest clearance day, for any needs and languages. The rest cannot take
 * any referral of that risk level, so they are never ranked. Best case because (tested in
 * assignment-screen.spec.ts) mentorFit's exclusions do not depend on needs or languages and never
 * shrink with distance, and a mentor not cleared on a day is not cleared on any later day.
 */
function screen(
  referrals: ReferralEntity[],
  volunteers: VolunteerProfileEntity[],
  disabled: ReadonlySet<string>,
  scheme: SchemeEntity,
  cleared: ClearanceMemo,
  today: string,
): Map<RiskLevel, Int32Array> {
  const earliestRelease = referrals.reduce(
    (min, r) => (r.releaseDate < min ? r.releaseDate : min),
    referrals[0]?.releaseDate ?? today,
  );
  const earliest = clearanceDay(earliestRelease, today);
  const out = new Map<RiskLevel, Int32Array>();
  for (const riskLevel of new Set(referrals.map((r) => r.riskLevel))) {
    const kept: number[] = [];
    volunteers.forEach((volunteer, i) => {
      const best = fitOf(
        volunteer,
        0,
        cleared.missing(volunteer.id, earliest),
        disabled.has(volunteer.id),
        { needs: [], riskLevel, languages: [] },
        scheme,
        today,
      );
      if (best.exclusions.length === 0) kept.push(i);
    });
    out.set(riskLevel, Int32Array.from(kept));
  }
  return out;
}

/** Clearance of a mentor on a clearance day, evaluated once per (mentor, day). */
class ClearanceMemo {
  private readonly memo = new Map<string, string[]>();

  constructor(
    private readonly clearance: ClearanceService,
    private readonly requirement: ClearanceRequirement,
    private readonly checks: Map<string, VettingCheckRow[]>,
  ) {}

  missing(volunteerId: string, day: string): string[] {
    const key = `${volunteerId}|${day}`;
    let missing = this.memo.get(key);
    if (!missing) {
      const result = this.clearance.evaluate(
        this.checks.get(volunteerId) ?? [],
        this.requirement,
        day,
      );
      missing = result.cleared ? [] : result.missing;
      this.memo.set(key, missing);
    }
    return missing;
  }
}

/** The facts MentorAssessment gives mentorFit, for one pair. */
function fitOf(
  volunteer: VolunteerProfileEntity,
  distanceKm: number,
  clearanceMissing: string[],
  accountDisabled: boolean,
  referral: Pick<ReferralEntity, 'needs' | 'riskLevel' | 'languages'>,
  scheme: SchemeEntity,
  today: string,
): MentorFit {
  return mentorFit(mentorFactsOf(volunteer, distanceKm, clearanceMissing, accountDisabled), {
    needs: referral.needs,
    riskLevel: referral.riskLevel,
    languages: referral.languages,
    schemeGenders: scheme.genders,
    schemeDeliveryModes: scheme.deliveryModes,
    today,
  });
}
