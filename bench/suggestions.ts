import 'reflect-metadata';
import { candidateFilter } from '@app/matching/matches/mentor-assessment.service';
import { mentorSuggestionsSql } from '@app/matching/matches/mentor-candidates.sql';
import { ReferralEntity } from '@app/matching/referrals/referral.entity';
import { SchemeEntity } from '@app/schemes/scheme.entity';
import { clearedSql } from '@app/vetting/clearance.sql';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { runBench } from './support/bench-run';
import { BENCH_ADMIN_EMAIL, benchApiEnv, startGraphqlApi } from './support/graphql-client';
import { explain, load, median, ms, summarise } from './support/machinery';
import { LANGUAGES, PATHWAYS, seedVolunteers } from './support/seed-volunteers';

/*
 * suggestMentors through the HTTP GraphQL API (the API pinned to core 0, this driver on core 1)
 * against the same SQL statement through raw `pg`, with 100,000 volunteers over England and Wales
 * (20,000 of them in the schemes' organisation) and their vetting checks, for 500 accepted
 * referrals to two schemes of that organisation. `npm run bench:suggestions`.
 */

// Sizes: smaller ones through the environment for a quick check that the script still runs.
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const IN_ORGANISATION = Number(process.env.BENCH_IN_ORGANISATION ?? 20_000);
const OTHER_ORGANISATIONS = 49;
const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 500);
const FIRST = 10;
const ROUNDS = 3;
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 500);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 300);
const ADMIN_PASSWORD = `bench overseer ${randomBytes(12).toString('hex')}`;
const COORDINATOR_PASSWORD = `bench matcher ${randomBytes(12).toString('hex')}`;

/** The API with room for the suggestions query's complexity. */
function startApi(databaseUrl: string) {
  return startGraphqlApi({
    ...benchApiEnv('suggestions', databaseUrl, ADMIN_PASSWORD),
    GRAPHQL_MAX_COMPLEXITY: '100000',
  });
}

// ---------- data (all seeded in SQL, from one seeded random stream) ----------

/**
 * Two schemes of the organisation: a through-the-gate scheme for HMP Leeds meeting in person or by
 * phone (DBS STANDARD and prison security), and a women's scheme meeting in person only (DBS
 * ENHANCED with the adults' barred list); accepted referrals to them, released to outcodes all over
 * England and Wales within six months.
 */
async function seedReferrals(client: Client, organisation: string): Promise<void> {
  const schemes = await client.query<{ id: string }>(
    `INSERT INTO schemes (organisation_id, name, description, pathways, genders, max_risk_level, delivery_modes,
       national, prisons_served, required_dbs_level, required_barred_lists, capacity)
     VALUES ($1, 'Through the gate (bench)', 'Met at the gate', ${PATHWAYS}, '{}', 'VERY_HIGH',
             ARRAY['IN_PERSON', 'PHONE'], true, ARRAY['LEI'], 'STANDARD', '{}', 100000),
            ($1, 'Women''s mentoring (bench)', 'For women leaving prison', ${PATHWAYS}, ARRAY['FEMALE'], 'VERY_HIGH',
             ARRAY['IN_PERSON'], true, '{}', 'ENHANCED', ARRAY['ADULTS'], 100000)
     RETURNING id`,
    [organisation],
  );
  const [gate, women] = schemes.rows.map((row) => row.id);
  await client.query(
    `INSERT INTO referrals (scheme_id, organisation_id, status, person_reference, prison_code, release_date,
       release_outcode, needs, risk_level, gender, age, languages, referred_by, consent_recorded_at, responded_at)
     SELECT CASE WHEN g % 10 < 7 THEN $1::uuid ELSE $2::uuid END, $3, 'ACCEPTED',
       'A' || lpad(g::text, 4, '0') || 'BC', 'LEI', current_date + 1 + floor(random() * 180)::int,
       (SELECT outcode FROM bench_place WHERE n = x.place),
       ARRAY(SELECT pw FROM unnest(${PATHWAYS}) pw ORDER BY random() + 0 * g LIMIT 1 + g % 3),
       (ARRAY['LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'VERY_HIGH'])[1 + g % 7],
       CASE WHEN g % 10 < 7 THEN 'MALE' ELSE 'FEMALE' END, 20 + g % 40,
       CASE WHEN g % 9 = 0 THEN ARRAY['en', (${LANGUAGES})[1 + g % 7]] ELSE ARRAY['en'] END,
       gen_random_uuid(), now(), now()
     FROM generate_series(1, $4) g
     CROSS JOIN LATERAL (SELECT floor(random() * (SELECT count(*) FROM bench_place) + 0 * g)::int AS place) x`,
    [gate, women, organisation, REFERRALS],
  );
  await client.query('VACUUM ANALYZE schemes');
  await client.query('VACUUM ANALYZE referrals');
}

// ---------- main ----------

const SUGGEST = `query($referralId: ID!, $first: Int) {
  suggestMentors(referralId: $referralId, first: $first) {
    volunteer { id displayName } score distanceKm reasons components { name value weight points }
  }
}`;

function main(): Promise<void> {
  return runBench(
    'suggestions',
    'suggestMentors benchmark',
    async ({ databaseUrl, db, client, adopt }) => {
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
        clearShare: { identity: 0.98, references: 0.98, prisonSecurity: 0.75 },
        dbsLevels: { basicBelow: 0.1, standardBelow: 0.5 },
        dbsIssuedWithinDays: 1180,
      });
      await seedReferrals(client, organisation);
      const counts = (
        await client.query<Record<string, string>>(
          `SELECT (SELECT count(*) FROM volunteer_profiles) AS volunteers,
                (SELECT count(*) FROM volunteer_profiles WHERE organisation_id = $1) AS in_organisation,
                (SELECT count(*) FROM volunteer_profiles WHERE organisation_id = $1 AND status IN ('APPROVED', 'ACTIVE')) AS matchable,
                (SELECT count(*) FROM vetting_checks) AS checks`,
          [organisation],
        )
      ).rows[0];
      console.log(
        `seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s: ${counts.volunteers} volunteers, ${counts.in_organisation} in the organisation (${counts.matchable} APPROVED or ACTIVE), ${counts.checks} vetting checks, ${REFERRALS} accepted referrals`,
      );

      // The statements, built as the service builds them (the API's clock is the real one too).
      const today = new Date().toISOString().slice(0, 10);
      const referrals = await db
        .getRepository(ReferralEntity)
        .find({ where: { organisationId: organisation }, order: { personReference: 'ASC' } });
      const schemes = new Map(
        (await db.getRepository(SchemeEntity).findBy({ organisationId: organisation })).map(
          (scheme) => [scheme.id, scheme],
        ),
      );
      const statements = referrals.map((referral) =>
        mentorSuggestionsSql(
          candidateFilter(referral, schemes.get(referral.schemeId) as SchemeEntity, today),
          FIRST,
        ),
      );
      for (const scheme of schemes.values()) {
        const values: unknown[] = [organisation];
        const cleared = clearedSql(
          'v.id',
          {
            dbsLevel: scheme.requiredDbsLevel,
            barredLists: [...scheme.requiredBarredLists].sort(),
            prisonsServed: scheme.prisonsServed,
          },
          today,
          (value, cast = '') => {
            values.push(value);
            return `$${values.length}${cast}`;
          },
        );
        const share = await client.query<{ cleared: string; matchable: string }>(
          `SELECT count(*) FILTER (WHERE ${cleared}) AS cleared, count(*) AS matchable
           FROM volunteer_profiles v WHERE v.organisation_id = $1 AND v.status IN ('APPROVED', 'ACTIVE')`,
          values,
        );
        const { cleared: yes, matchable } = share.rows[0];
        console.log(
          `cleared today for "${scheme.name}": ${yes} of ${matchable} APPROVED or ACTIVE (${Math.round((100 * Number(yes)) / Number(matchable))}%)`,
        );
      }
      const found: number[] = [];
      for (const statement of statements.slice(0, 100))
        found.push((await client.query(statement.text, statement.values)).rowCount ?? 0);
      console.log(
        `suggestions per referral (first ${FIRST}, first 100 referrals): median ${median(found)}, fewer than ${FIRST} for ${found.filter((n) => n < FIRST).length}`,
      );

      const started = await startApi(databaseUrl);
      const apiProcess = started.process;
      adopt(apiProcess);
      const api = started.api;
      await api.signInAs(BENCH_ADMIN_EMAIL, ADMIN_PASSWORD);
      await api.createStaffUser({
        email: 'coordinator@example.org',
        password: COORDINATOR_PASSWORD,
        role: 'COORDINATOR',
        organisationId: organisation,
      });
      await api.signInAs('coordinator@example.org', COORDINATOR_PASSWORD);

      // The API answers what the statement answers, in the same order.
      for (let i = 0; i < 20; i += 1) {
        const { suggestMentors } = await api.ok<{
          suggestMentors: { volunteer: { id: string } }[];
        }>(SUGGEST, { referralId: referrals[i].id, first: FIRST });
        const raw = await client.query<{ id: string }>(statements[i].text, statements[i].values);
        const same =
          JSON.stringify(suggestMentors.map((s) => s.volunteer.id)) ===
          JSON.stringify(raw.rows.map((row) => row.id));
        if (!same) throw new Error(`referral ${referrals[i].id}: the API and the SQL disagree`);
      }
      const example = await api.ok<{ suggestMentors: unknown[] }>(SUGGEST, {
        referralId: referrals[0].id,
        first: 2,
      });
      console.log(
        `\nexample: ${referrals[0].riskLevel} risk, released to ${referrals[0].releaseOutcode}, needing ${referrals[0].needs.join(', ')} (first 2)`,
      );
      console.log(JSON.stringify(example.suggestMentors, null, 2));
      const women = referrals.findIndex((r) => schemes.get(r.schemeId)?.genders.length);
      await explain(
        client,
        `suggestions for a through-the-gate referral (in person or by phone) to ${referrals[0].releaseOutcode}`,
        statements[0].text,
        statements[0].values,
      );
      await explain(
        client,
        `suggestions for a women's scheme referral (in person only) to ${referrals[women].releaseOutcode}`,
        statements[women].text,
        statements[women].values,
      );

      const call = async (i: number) => {
        const result = await api.post(SUGGEST, {
          referralId: referrals[i % referrals.length].id,
          first: FIRST,
        });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      };
      const rawCall = async (i: number) => {
        const { text, values } = statements[i % statements.length];
        await client.query(text, values);
      };
      // What any request costs on this machine: the floor under the ratio.
      const trivial = async () => {
        const result = await api.post('{ me { id } }', {});
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      };
      await load(WARM_UP, 1, call);
      await load(WARM_UP, 1, rawCall);
      await load(WARM_UP, 1, trivial);

      const rounds = {
        api: [] as { p50: number; p95: number }[],
        raw: [] as { p50: number; p95: number }[],
        trivial: [] as { p50: number; p95: number }[],
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.raw.push(summarise(await load(PER_ROUND, 1, rawCall)));
        rounds.api.push(summarise(await load(PER_ROUND, 1, call)));
        rounds.trivial.push(summarise(await load(PER_ROUND, 1, trivial)));
      }
      const med = (list: { p50: number; p95: number }[]) => ({
        p50: median(list.map((r) => r.p50)),
        p95: median(list.map((r) => r.p95)),
      });
      const viaApi = med(rounds.api);
      const raw = med(rounds.raw);
      const floor = med(rounds.trivial);

      console.log('\n| measure | p50 | p95 |');
      console.log('|---|---|---|');
      console.log(
        `| suggestMentors (first ${FIRST}) over HTTP GraphQL, concurrency 1 | ${ms(viaApi.p50)} | ${ms(viaApi.p95)} |`,
      );
      console.log(
        `| the same SQL through raw pg, one connection | ${ms(raw.p50)} | ${ms(raw.p95)} |`,
      );
      console.log(
        `| a trivial query ({ me { id } }) over HTTP GraphQL, concurrency 1 | ${ms(floor.p50)} | ${ms(floor.p95)} |`,
      );
      console.log(
        `\n(median of ${ROUNDS} rounds of ${PER_ROUND} calls over ${REFERRALS} referrals; ${VOLUNTEERS} volunteers, ${IN_ORGANISATION} in the organisation)`,
      );
      console.log('\nratios (targets in brackets)');
      console.log(
        `  GraphQL p95 at concurrency 1: ${ms(viaApi.p95)} (≤ 50 ms) ${viaApi.p95 <= 50 ? 'ok' : 'MISSED'}`,
      );
      const ratio = viaApi.p50 / raw.p50;
      console.log(
        `  GraphQL p50 ÷ raw SQL p50: ${ratio.toFixed(2)} (≤ 2.0) ${ratio <= 2 ? 'ok' : 'MISSED'}`,
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
