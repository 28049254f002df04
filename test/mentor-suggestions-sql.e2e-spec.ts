import { BarredList, Clock, DbsLevel, addDays, addMonths } from '@app/core';
import {
  AssessedMentor,
  MentorAssessment,
  bestFirst,
  candidateFilter,
} from '@app/matching/matches/mentor-assessment.service';
import {
  VOLUNTEER_REACH_INDEX,
  VOLUNTEER_REMOTE_INDEX,
  mentorSuggestionsSql,
} from '@app/matching/matches/mentor-candidates.sql';
import { ACCOUNT_DISABLED } from '@app/matching/matches/mentor-fit';
import { ReferralEntity } from '@app/matching/referrals/referral.entity';
import { SchemeEntity } from '@app/schemes/scheme.entity';
import {
  ClearanceRequirement,
  ClearanceService,
  VettingCheckRepository,
  VettingCheckRow,
  clearedSql,
} from '@app/vetting';
import { VolunteerProfileObject } from '@app/volunteers';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApi, unique } from './support/app';
import { referralWorld } from './support/matching';
import { createScheme, schemeInput } from './support/schemes';

/*
 * suggestMentors and excludedMentors are answered by one SQL statement each
 * (mentor-candidates.sql.ts), clearance included (clearance.sql.ts). These tests hold them to the
 * rules as written in TypeScript: over a seeded population of mentors with every kind of check
 * history, some with their account disabled, the statements give exactly what mentorFit and
 * evaluateClearance give when every candidate is assessed one by one (MentorAssessment.assess) —
 * same mentors, same order, same reasons and score components — and the statement is served by its
 * indexes.
 */

/** Deterministic randomness, so a failure reproduces. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(6);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const some = <T>(values: readonly T[], max: number): T[] =>
  values.filter(() => random() < max / values.length);

const PATHWAYS = [
  'ACCOMMODATION',
  'EDUCATION_TRAINING_EMPLOYMENT',
  'HEALTH',
  'DRUGS_ALCOHOL',
  'FINANCE_BENEFIT_DEBT',
];
const STATUSES = [
  'APPLIED',
  'VETTING',
  'APPROVED',
  'APPROVED',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'PAUSED',
  'WITHDRAWN',
  'REJECTED',
];
const MODES = [['IN_PERSON'], ['IN_PERSON'], ['IN_PERSON', 'PHONE'], ['ONLINE'], ['PHONE']];
const RADII = [3, 7.5, 10, 12.3, 15, 20, 33.3, 60, 150];
const MENTORS = 300;
/** Every DISABLED_EVERY-th mentor's account is disabled (chosen outside the random stream). */
const DISABLED_EVERY = 7;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe('mentor suggestions in SQL', () => {
  let api: TestApi;
  let db: DataSource;
  let today: string;
  let organisationId: string;
  let schemes: SchemeEntity[];
  let volunteerIds: string[];

  /**
   * Mentors around Leeds (and a few far away), many sharing an outcode, with random profiles; some
   * of their accounts disabled.
   */
  async function seedMentors(): Promise<string[]> {
    const places: { outcode: string; location: string }[] = await db.query(
      `SELECT o.outcode, o.location::text AS location FROM outcodes o
        WHERE ST_DWithin(o.location, (SELECT location FROM outcodes WHERE outcode = 'LS6'), 60000)
           OR o.outcode IN ('M1', 'B1', 'SW1A', 'CF10')
        ORDER BY o.outcode`,
    );
    const nearby = places.filter((_, i) => i % Math.ceil(places.length / 25) === 0);
    const ids: string[] = [];
    for (let i = 0; i < MENTORS; i += 1) {
      const status = pick(STATUSES);
      const place = pick(nearby);
      const maxMentees = 1 + Math.floor(random() * 4);
      // Around the year of service that HIGH risk needs, near midnight UTC.
      const since = addDays(addMonths(today, -12), Math.floor(random() * 5) - 2);
      const activeSince =
        status === 'ACTIVE' || random() < 0.3
          ? `${since}T${pick(['00:30', '12:00', '23:30'])}:00Z`
          : null;
      const [row] = await db.query(
        `WITH u AS (
           INSERT INTO users (email, password_hash, role, disabled_at)
           VALUES ($1, 'not-a-password-hash', 'MENTOR', CASE WHEN $16::boolean THEN now() END) RETURNING id
         )
         INSERT INTO volunteer_profiles (user_id, organisation_id, display_name, status, outcode, location,
           travel_radius_km, gender, languages, pathways, lived_experience, delivery_modes, max_mentees,
           active_mentees, active_since)
         SELECT u.id, $2, $3, $4, $5, $6::geography, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM u
         RETURNING id`,
        [
          `${unique('sql-mentor')}@example.org`,
          organisationId,
          `Mentor ${i}`,
          status,
          place.outcode,
          place.location,
          pick(RADII),
          pick(['FEMALE', 'FEMALE', 'MALE', 'MALE', 'NOT_STATED']),
          random() < 0.3 ? ['en', pick(['pl', 'ur'])] : ['en'],
          some(PATHWAYS, 2),
          random() < 0.3,
          pick(MODES),
          maxMentees,
          status === 'ACTIVE' ? Math.floor(random() * (maxMentees + 1)) : 0,
          activeSince,
          i % DISABLED_EVERY === 3,
        ],
      );
      ids.push(row.id);
      await seedChecks(row.id, status);
    }
    return ids;
  }

  /**
   * A check history: mostly complete, with the cases clearance turns on — levels and lists,
   * re-check dates either side of the release dates asked, superseded certificates, BARRED,
   * disclosures with a risk assessment before, with or after them (to the microsecond).
   */
  async function seedChecks(volunteerId: string, status: string): Promise<void> {
    if (status === 'APPLIED' && random() < 0.7) return;
    const expiry = () => {
      const r = random();
      if (r < 0.55) return null;
      return r < 0.8
        ? addDays(today, 200 + Math.floor(random() * 500))
        : addDays(today, Math.floor(random() * 120) - 10);
    };
    const decided = new Date(`${addDays(today, -200)}T10:00:00.000Z`).getTime();
    const rows: unknown[][] = [];
    const add = (
      kind: string,
      outcome: string | null,
      extra: {
        level?: string;
        lists?: string[];
        barredOn?: string[];
        expires?: string | null;
        superseded?: boolean;
        decidedAt?: string | null;
      } = {},
    ) =>
      rows.push([
        kind,
        outcome ?? 'REQUESTED',
        outcome,
        extra.level ?? null,
        extra.lists ?? [],
        extra.barredOn ?? [],
        extra.expires ?? null,
        extra.superseded ?? false,
        extra.decidedAt === undefined
          ? outcome
            ? new Date(decided).toISOString()
            : null
          : extra.decidedAt,
      ]);
    if (random() < 0.97) add('IDENTITY', random() < 0.95 ? 'CLEAR' : null, { expires: expiry() });
    const references = random() < 0.9 ? 2 : Math.floor(random() * 3);
    for (let i = 0; i < references; i += 1)
      add('REFERENCE', random() < 0.97 ? 'CLEAR' : 'REJECTED', { expires: expiry() });
    if (random() < 0.7) add('PRISON_SECURITY', 'CLEAR', { expires: expiry() });
    const dbsChecks = random() < 0.2 ? 2 : 1;
    for (let i = 0; i < dbsChecks; i += 1) {
      const level = pick(['BASIC', 'STANDARD', 'ENHANCED', 'ENHANCED']);
      const outcome = pick([
        'CLEAR',
        'CLEAR',
        'CLEAR',
        'CLEAR',
        'DISCLOSURE',
        'DISCLOSURE',
        'BARRED',
        null,
      ]);
      const at = decided + Math.floor(random() * 3) * 1000;
      add('DBS', outcome, {
        level,
        lists: level === 'ENHANCED' ? pick([[], ['ADULTS'], ['ADULTS', 'CHILDREN']]) : [],
        barredOn: outcome === 'BARRED' ? pick([['ADULTS'], ['CHILDREN']]) : [],
        expires: expiry(),
        superseded: random() < 0.1,
        decidedAt: outcome ? new Date(at).toISOString() : null,
      });
      if (outcome === 'DISCLOSURE' && random() < 0.8) {
        // Before, in the same millisecond (later by microseconds), or after the disclosure.
        const offset = pick([-5000, 0, 0, 2000]);
        const when = new Date(at + offset).toISOString();
        add('CONVICTION_RISK_ASSESSMENT', pick(['CLEAR', 'CLEAR', 'REJECTED']), {
          expires: expiry(),
          decidedAt: offset === 0 ? when.replace('Z', '400Z') : when,
        });
      }
    }
    for (const row of rows) {
      await db.query(
        `INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, dbs_level, barred_lists, barred_on,
           expires_on, superseded, requested_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10::timestamptz)`,
        [volunteerId, ...row],
      );
    }
  }

  function referral(scheme: SchemeEntity, overrides: Partial<ReferralEntity>): ReferralEntity {
    return Object.assign(new ReferralEntity(), {
      id: randomUUID(),
      schemeId: scheme.id,
      organisationId,
      releaseDate: addDays(today, 30),
      releaseOutcode: 'LS6',
      needs: ['ACCOMMODATION'],
      riskLevel: 'LOW',
      languages: ['en'],
      ...overrides,
    });
  }

  /** What suggest/excluded must equal: every candidate assessed in TypeScript. */
  const view = (mentors: AssessedMentor[]) =>
    mentors.map(({ volunteer, distanceKm, fit }) => ({
      volunteer: VolunteerProfileObject.from(volunteer),
      location: volunteer.location,
      activeSince: volunteer.activeSince,
      distanceKm,
      fit,
    }));

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
    // Frozen for the whole file: the seed, the expectations and the services must agree on today
    // even when the UK date turns over while the file runs.
    const clock = api.app.get(Clock);
    clock.set(clock.now());
    today = clock.today();
    const world = await referralWorld(api);
    organisationId = world.org.id;
    const made = [
      world.scheme.id,
      (
        await createScheme(
          api,
          world.coordinator.token,
          schemeInput(organisationId, {
            name: unique('Through the gate'),
            deliveryModes: ['IN_PERSON', 'PHONE', 'ONLINE'],
            prisonsServed: ['LEI'],
            maxRiskLevel: 'VERY_HIGH',
          }),
        )
      ).id,
      (
        await createScheme(
          api,
          world.coordinator.token,
          schemeInput(organisationId, {
            name: unique('Women'),
            genders: ['FEMALE'],
            requiredDbsLevel: 'ENHANCED',
            requiredBarredLists: ['ADULTS'],
            deliveryModes: ['IN_PERSON', 'ONLINE'],
            maxRiskLevel: 'VERY_HIGH',
          }),
        )
      ).id,
    ];
    schemes = await Promise.all(
      made.map((id) => db.getRepository(SchemeEntity).findOneByOrFail({ id })),
    );
    volunteerIds = await seedMentors();
    await db.query('VACUUM ANALYZE volunteer_profiles');
    await db.query('VACUUM ANALYZE vetting_checks');
  }, 120_000);
  afterAll(() => api.stop());

  it('clears in SQL exactly whom evaluateClearance clears, for every requirement and day, a re-check date and the day after it included', async () => {
    const clearance = api.app.get(ClearanceService);
    const checks = await api.app.get(VettingCheckRepository).findByVolunteerIds(volunteerIds);
    const byVolunteer = new Map<string, VettingCheckRow[]>();
    for (const row of checks)
      byVolunteer.set(row.volunteerId, [...(byVolunteer.get(row.volunteerId) ?? []), row]);
    const requirements: ClearanceRequirement[] = [
      { dbsLevel: DbsLevel.BASIC, barredLists: [], prisonsServed: [] },
      { dbsLevel: DbsLevel.STANDARD, barredLists: [], prisonsServed: ['HMP Leeds'] },
      { dbsLevel: DbsLevel.ENHANCED, barredLists: [BarredList.ADULTS], prisonsServed: [] },
      {
        dbsLevel: DbsLevel.ENHANCED,
        barredLists: [BarredList.ADULTS, BarredList.CHILDREN],
        prisonsServed: ['HMP Leeds'],
      },
    ];
    // The boundary: the re-check date that decides most volunteers' clearance (the last day a
    // check counts), asked on the day itself and the day after, where `<` and `<=` part.
    const flipsOn = (day: string) =>
      volunteerIds.filter((id) => {
        const rows = byVolunteer.get(id) ?? [];
        return (
          clearance.evaluate(rows, requirements[0], day).cleared &&
          !clearance.evaluate(rows, requirements[0], addDays(day, 1)).cleared
        );
      }).length;
    const recheckDays = [
      ...new Set(
        checks
          .map((row) => row.expiresOn)
          .filter(
            (day): day is string => day !== null && day >= today && day < addDays(today, 120),
          ),
      ),
    ];
    const boundary = recheckDays
      .map((day) => ({ day, flips: flipsOn(day) }))
      .sort((a, b) => b.flips - a.flips || a.day.localeCompare(b.day))[0];
    expect(boundary.flips).toBeGreaterThan(0);
    const days = [
      today,
      addDays(today, 20),
      addDays(today, 90),
      boundary.day,
      addDays(boundary.day, 1),
    ];
    let cleared = 0;
    let compared = 0;
    for (const requirement of requirements) {
      for (const asOf of days) {
        const values: unknown[] = [volunteerIds];
        const sql = clearedSql('v.id', requirement, asOf, (value, cast = '') => {
          values.push(value);
          return `$${values.length}${cast}`;
        });
        const rows: { id: string; cleared: boolean }[] = await db.query(
          `SELECT v.id, ${sql} AS cleared FROM volunteer_profiles v WHERE v.id = ANY($1::uuid[])`,
          values,
        );
        for (const row of rows) {
          const expected = clearance.evaluate(byVolunteer.get(row.id) ?? [], requirement, asOf);
          expect({ id: row.id, asOf, requirement, cleared: row.cleared }).toEqual({
            id: row.id,
            asOf,
            requirement,
            cleared: expected.cleared,
          });
          compared += 1;
          if (expected.cleared) cleared += 1;
        }
      }
    }
    expect(compared).toBe(volunteerIds.length * requirements.length * days.length);
    // Both answers are common, so the comparison means something.
    expect(cleared).toBeGreaterThan(compared / 10);
    expect(compared - cleared).toBeGreaterThan(compared / 10);
  });

  it('suggests and excludes exactly as assessing every candidate does', async () => {
    const assessment = api.app.get(MentorAssessment);
    const cases: [number, Partial<ReferralEntity>][] = [
      [0, {}],
      [0, { needs: ['ACCOMMODATION', 'HEALTH', 'DRUGS_ALCOHOL'], releaseOutcode: 'LS1' }],
      [1, { languages: ['en', 'pl'], needs: ['EDUCATION_TRAINING_EMPLOYMENT', 'HEALTH'] }],
      [1, { riskLevel: 'HIGH', releaseOutcode: 'BD1', releaseDate: addDays(today, 5) }],
      [1, { riskLevel: 'VERY_HIGH', releaseOutcode: 'M1', needs: [] }],
      [2, { releaseOutcode: 'HX1', releaseDate: addDays(today, 60) }],
      [2, { riskLevel: 'HIGH', languages: ['ur'], needs: ['FINANCE_BENEFIT_DEBT', 'HEALTH'] }],
      // Released already (its mentor left): clearance is judged today, in SQL as in TypeScript.
      [0, { releaseDate: addDays(today, -20), releasedOn: addDays(today, -20) }],
    ] as [number, Partial<ReferralEntity>][];
    let suggested = 0;
    // Mentors whose disabled account is all that keeps them from being suggested.
    let disabledOnly = 0;
    for (const [index, overrides] of cases) {
      const scheme = schemes[index];
      const placed = referral(scheme, overrides);
      const everyone = await assessment.assess(placed, scheme);
      for (const first of [3, 25, 100]) {
        const expected = everyone
          .filter((m) => m.fit.exclusions.length === 0)
          .sort(bestFirst)
          .slice(0, first);
        expect(view(await assessment.suggest(placed, scheme, first))).toEqual(view(expected));
        suggested += expected.length;
        const excluded = everyone.filter((m) => m.fit.exclusions.length > 0).slice(0, first);
        expect(view(await assessment.excluded(placed, scheme, first))).toEqual(view(excluded));
      }
      disabledOnly += everyone.filter(
        (m) => m.fit.exclusions.length === 1 && m.fit.exclusions[0] === ACCOUNT_DISABLED,
      ).length;
    }
    expect(suggested).toBeGreaterThan(100);
    expect(disabledOnly).toBeGreaterThan(5);
  });

  it('finds candidates through the reach and remote indexes, and probes their accounts by primary key', async () => {
    const scheme = schemes[1];
    const { text, values } = mentorSuggestionsSql(
      candidateFilter(referral(scheme, {}), scheme, today),
      10,
    );
    const plan = await db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
      return nodes(row['QUERY PLAN'][0].Plan);
    });
    const indexes = plan.map((node) => node['Index Name']).filter(Boolean);
    expect(indexes).toEqual(
      expect.arrayContaining([VOLUNTEER_REACH_INDEX, VOLUNTEER_REMOTE_INDEX]),
    );
    // Accounts are probed by primary key, candidate by candidate, never read whole.
    const users = plan.filter((node) => node['Relation Name'] === 'users');
    expect(users.length).toBeGreaterThan(0);
    for (const node of users)
      expect(node).toMatchObject({
        'Node Type': expect.stringMatching(/^Index (Only )?Scan$/),
        'Index Cond': expect.stringMatching(/^\(id = /),
      });
  });
});
