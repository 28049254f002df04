import 'reflect-metadata';
import {
  AssignmentEdge,
  greedyAssignment,
  solveAssignment,
} from '@app/matching/assignments/assignment-solver';
import munkres from 'munkres';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { runBench } from './support/bench-run';
import { BENCH_ADMIN_EMAIL, benchApiEnv, startGraphqlApi } from './support/graphql-client';
import { explain, load, median, ms, prng } from './support/machinery';
import { LANGUAGES, PATHWAYS, seedVolunteers } from './support/seed-volunteers';

/*
 * proposeAssignments through the HTTP GraphQL API (the API pinned to core 0, this driver on core
 * 1) for 2,000 accepted referrals of one scheme and the 20,000 volunteers of its organisation
 * (with their vetting checks; 20,000 more in other organisations), end to end, against the 10 s
 * target; the plan's total against the greedy total; then the solver alone against the `munkres`
 * package on the same random 1,024 × 1,024 matrix. `npm run bench:assignments`.
 */

// Sizes: smaller ones through the environment for a quick check that the script still runs.
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 40_000);
const IN_ORGANISATION = Number(process.env.BENCH_IN_ORGANISATION ?? 20_000);
const OTHER_ORGANISATIONS = 9;
const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 2_000);
const ROUNDS = 3;
const MATRIX = Number(process.env.BENCH_MATRIX ?? 1024);
const ADMIN_PASSWORD = `bench overseer ${randomBytes(12).toString('hex')}`;
const COORDINATOR_PASSWORD = `bench matcher ${randomBytes(12).toString('hex')}`;

/**
 * The API with room for the plan's complexity, logging at info on a piped stdout: the plan's own
 * statistics (evaluatedPairs…) are read from its log.
 */
function startApi(databaseUrl: string) {
  return startGraphqlApi(
    {
      ...benchApiEnv('assignments', databaseUrl, ADMIN_PASSWORD),
      LOG_LEVEL: 'info',
      GRAPHQL_MAX_COMPLEXITY: '100000',
    },
    { stdout: 'pipe' },
  );
}

// ---------- data (all seeded in SQL, as bench/suggestions.ts seeds its volunteers) ----------

/**
 * The through-the-gate scheme of bench/suggestions.ts (in person or by phone, DBS STANDARD and
 * prison security for HMP Leeds, up to VERY_HIGH risk) and 2,000 accepted referrals to it,
 * released to outcodes all over England and Wales within six months.
 */
async function seedReferrals(client: Client, organisation: string): Promise<string> {
  const scheme = await client.query<{ id: string }>(
    `INSERT INTO schemes (organisation_id, name, description, pathways, genders, max_risk_level, delivery_modes,
       national, prisons_served, required_dbs_level, required_barred_lists, capacity)
     VALUES ($1, 'Through the gate (bench)', 'Met at the gate', ${PATHWAYS}, '{}', 'VERY_HIGH',
             ARRAY['IN_PERSON', 'PHONE'], true, ARRAY['LEI'], 'STANDARD', '{}', 100000)
     RETURNING id`,
    [organisation],
  );
  const schemeId = scheme.rows[0].id;
  await client.query(
    `INSERT INTO referrals (scheme_id, organisation_id, status, person_reference, prison_code, release_date,
       release_outcode, needs, risk_level, gender, age, languages, referred_by, consent_recorded_at, responded_at)
     SELECT $1::uuid, $2, 'ACCEPTED',
       'A' || lpad(g::text, 4, '0') || 'BC', 'LEI', current_date + 1 + floor(random() * 180)::int,
       (SELECT outcode FROM bench_place WHERE n = x.place),
       ARRAY(SELECT pw FROM unnest(${PATHWAYS}) pw ORDER BY random() + 0 * g LIMIT 1 + g % 3),
       (ARRAY['LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'VERY_HIGH'])[1 + g % 7],
       'MALE', 20 + g % 40,
       CASE WHEN g % 9 = 0 THEN ARRAY['en', (${LANGUAGES})[1 + g % 7]] ELSE ARRAY['en'] END,
       gen_random_uuid(), now(), now()
     FROM generate_series(1, $3) g
     CROSS JOIN LATERAL (SELECT floor(random() * (SELECT count(*) FROM bench_place) + 0 * g)::int AS place) x`,
    [schemeId, organisation, REFERRALS],
  );
  await client.query('VACUUM ANALYZE schemes');
  await client.query('VACUUM ANALYZE referrals');
  return schemeId;
}

// ---------- main ----------

const PROPOSE = `query($schemeId: ID!) {
  proposeAssignments(schemeId: $schemeId) {
    proposals { referral { id } volunteer { id maxMentees activeMentees } score }
    totalScore greedyTotalScore unassigned { id }
  }
}`;

interface Plan {
  proposals: {
    referral: { id: string };
    volunteer: { id: string; maxMentees: number; activeMentees: number };
    score: number;
  }[];
  totalScore: number;
  greedyTotalScore: number;
  unassigned: { id: string }[];
}

/** The same random matrix for both solvers: integer scores 0..9,999. */
function randomMatrix(size: number, seed: number): number[][] {
  const next = prng(seed);
  return Array.from({ length: size }, () =>
    Array.from({ length: size }, () => Math.floor(next() * 10_000)),
  );
}

function solverAgainstMunkres(): { ours: number; theirs: number; same: boolean } {
  const matrix = randomMatrix(MATRIX, 1024);
  const edges: AssignmentEdge[] = [];
  matrix.forEach((row, r) => row.forEach((weight, c) => edges.push({ row: r, col: c, weight })));
  const problem = { rows: MATRIX, capacities: new Array<number>(MATRIX).fill(1), edges };
  const costs = matrix.map((row) => row.map((weight) => -weight));
  const oursTimes: number[] = [];
  const theirsTimes: number[] = [];
  let ourTotal = 0;
  let theirTotal = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    ourTotal = solveAssignment(problem).total;
    oursTimes.push(performance.now() - start);
    start = performance.now();
    theirTotal = munkres(costs).reduce((sum, [r, c]) => sum + matrix[r][c], 0);
    theirsTimes.push(performance.now() - start);
  }
  const greedy = greedyAssignment(problem).total;
  console.log(
    `\nsolver vs munkres on a random ${MATRIX} × ${MATRIX} matrix: totals ${ourTotal} and ${theirTotal} (greedy ${greedy})`,
  );
  return { ours: median(oursTimes), theirs: median(theirsTimes), same: ourTotal === theirTotal };
}

function main(): Promise<void> {
  return runBench(
    'assignments',
    'proposeAssignments benchmark',
    async ({ databaseUrl, client, adopt }) => {
      const organisations = (
        await client.query<{ id: string }>(
          `INSERT INTO organisations (name) SELECT 'Bench organisation ' || n FROM generate_series(1, $1) n RETURNING id`,
          [OTHER_ORGANISATIONS + 1],
        )
      ).rows.map((row) => row.id);
      const [organisation, ...others] = organisations;
      const seedStart = performance.now();
      await seedVolunteers(client, organisation, others, {
        volunteers: VOLUNTEERS,
        inOrganisation: IN_ORGANISATION,
        clearShare: { identity: 0.95, references: 0.93, prisonSecurity: 0.5 },
        dbsLevels: { basicBelow: 0.2, standardBelow: 0.65 },
        dbsIssuedWithinDays: 1280,
      });
      const schemeId = await seedReferrals(client, organisation);
      const counts = (
        await client.query<Record<string, string>>(
          `SELECT (SELECT count(*) FROM volunteer_profiles WHERE organisation_id = $1) AS in_organisation,
                (SELECT count(*) FROM volunteer_profiles WHERE organisation_id = $1 AND status IN ('APPROVED', 'ACTIVE')
                   AND active_mentees < max_mentees) AS with_room,
                (SELECT count(*) FROM vetting_checks) AS checks`,
          [organisation],
        )
      ).rows[0];
      console.log(
        `seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s: ${counts.in_organisation} volunteers in the organisation (${counts.with_room} APPROVED or ACTIVE with a free place), ${VOLUNTEERS - IN_ORGANISATION} elsewhere, ${counts.checks} vetting checks, ${REFERRALS} accepted referrals`,
      );

      const started = await startApi(databaseUrl);
      const apiProcess = started.process;
      adopt(apiProcess);
      const stats: string[] = [];
      let pending = '';
      apiProcess.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line.includes('evaluatedPairs')) stats.push(line);
          if (line.includes('"level":50')) console.error(line);
        }
      });
      const api = started.api;
      await api.signInAs(BENCH_ADMIN_EMAIL, ADMIN_PASSWORD);
      await api.createStaffUser({
        email: 'coordinator@example.org',
        password: COORDINATOR_PASSWORD,
        role: 'COORDINATOR',
        organisationId: organisation,
      });
      await api.signInAs('coordinator@example.org', COORDINATOR_PASSWORD);

      // Warm-up (one plan), then ROUNDS timed plans end to end.
      let plan = (await api.ok<{ proposeAssignments: Plan }>(PROPOSE, { schemeId }))
        .proposeAssignments;
      const times = await load(ROUNDS, 1, async () => {
        plan = (await api.ok<{ proposeAssignments: Plan }>(PROPOSE, { schemeId }))
          .proposeAssignments;
      });

      // The plan is a plan: each referral once, no mentor beyond their free places.
      const perMentor = new Map<string, number>();
      for (const p of plan.proposals)
        perMentor.set(p.volunteer.id, (perMentor.get(p.volunteer.id) ?? 0) + 1);
      const overfull = plan.proposals.filter(
        (p) => perMentor.get(p.volunteer.id)! > p.volunteer.maxMentees - p.volunteer.activeMentees,
      );
      const referralsPlanned = new Set(plan.proposals.map((p) => p.referral.id));
      if (overfull.length > 0) throw new Error(`${overfull.length} proposals beyond capacity`);
      if (referralsPlanned.size !== plan.proposals.length) throw new Error('a referral twice');
      if (referralsPlanned.size + plan.unassigned.length !== REFERRALS)
        throw new Error('referrals missing from the plan');
      const sum = plan.proposals.reduce((total, p) => total + p.score, 0);
      if (Math.abs(sum - plan.totalScore) > 0.01) throw new Error('totalScore is not the sum');

      await explain(
        client,
        "the organisation's volunteers with a free place",
        `SELECT id FROM volunteer_profiles
        WHERE organisation_id = $1 AND status NOT IN ('WITHDRAWN', 'REJECTED')
          AND active_mentees < max_mentees ORDER BY id`,
        [organisation],
      );
      const sample = await client.query<{ id: string; outcode: string }>(
        `SELECT v.id, r.release_outcode AS outcode FROM volunteer_profiles v
         CROSS JOIN LATERAL (SELECT release_outcode FROM referrals ORDER BY random() + 0 * length(v.display_name) LIMIT 1) r
        WHERE v.organisation_id = $1 LIMIT 20000`,
        [organisation],
      );
      await explain(
        client,
        `distances of ${sample.rows.length} evaluated pairs (one batch)`,
        `SELECT p.i, ST_Distance(v.location, o.location) / 1000 AS distance_km
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS p(id, outcode, i)
         JOIN volunteer_profiles v ON v.id = p.id
         JOIN outcodes o ON o.outcode = p.outcode`,
        [sample.rows.map((row) => row.id), sample.rows.map((row) => row.outcode)],
      );

      const solver = process.env.BENCH_SKIP_MUNKRES
        ? { ours: 0, theirs: 1, same: true }
        : solverAgainstMunkres();
      const seconds = median(times) / 1000;
      console.log(`\nlast plan: ${stats.at(-1) ?? '(no log line)'}`);
      console.log('\n| measure | value |');
      console.log('|---|---|');
      console.log(
        `| proposeAssignments over HTTP GraphQL, ${REFERRALS} referrals × ${IN_ORGANISATION} volunteers (median of ${ROUNDS}) | ${seconds.toFixed(2)} s (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}) |`,
      );
      console.log(
        `| proposals / unassigned | ${plan.proposals.length} / ${plan.unassigned.length} |`,
      );
      console.log(
        `| total score / greedy total | ${plan.totalScore.toFixed(2)} / ${plan.greedyTotalScore.toFixed(2)} (+${(plan.totalScore - plan.greedyTotalScore).toFixed(2)}) |`,
      );
      console.log(
        `| solver alone, random ${MATRIX} × ${MATRIX} (median of ${ROUNDS}) | ${ms(solver.ours)} |`,
      );
      console.log(`| munkres package, same matrix (median of ${ROUNDS}) | ${ms(solver.theirs)} |`);
      console.log('\nratios (targets in brackets)');
      console.log(
        `  proposeAssignments end to end: ${seconds.toFixed(2)} s (≤ 10 s) ${seconds <= 10 ? 'ok' : 'MISSED'}`,
      );
      console.log(
        `  total ÷ greedy total: ${(plan.totalScore / plan.greedyTotalScore).toFixed(4)} (≥ 1) ${plan.totalScore >= plan.greedyTotalScore ? 'ok' : 'MISSED'}`,
      );
      console.log(
        `  solver ÷ munkres on ${MATRIX} × ${MATRIX}: ${(solver.ours / solver.theirs).toFixed(2)} (same optimum: ${solver.same ? 'yes' : 'NO'})`,
      );
      api.close();
    },
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
