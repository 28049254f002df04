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

const PATHWAYS = `ARRAY['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT', 'HEALTH', 'DRUGS_ALCOHOL',
  'FINANCE_BENEFIT_DEBT', 'CHILDREN_FAMILIES', 'ATTITUDES_THINKING_BEHAVIOUR']`;
const LANGUAGES = `ARRAY['pl', 'ur', 'pa', 'ar', 'so', 'ro', 'cy']`;

/**
 * Volunteers spread over the outcodes of England and Wales: most APPROVED or ACTIVE; travel radii
 * mostly 5–40 km, a few up to 200; half in person only, the rest also (or only) by phone or online;
 * some at capacity. Each volunteer past APPLIED has the checks an organisation would hold: an
 * identity check, two references, a DBS check (BASIC to ENHANCED, mostly CLEAR, some DISCLOSURE
 * with or without a risk assessment after it, a few BARRED or superseded, certificates up to 3.2
 * years old with a 3-year re-check) and, for three in four, prison security clearance.
 */
async function seedVolunteers(client: Client, organisation: string, others: string[]) {
  await client.query('SELECT setseed(0.2026)');
  await client.query(`CREATE TEMP TABLE bench_place AS
    SELECT row_number() OVER (ORDER BY o.outcode) - 1 AS n, o.outcode, o.location
      FROM outcodes o JOIN local_authorities la ON la.gss_code = o.local_authority_code
     WHERE la.nation IN ('England', 'Wales')`);
  await client.query(
    `CREATE TEMP TABLE bench_volunteer AS
     SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS user_id,
            CASE WHEN g <= $1 THEN $2::uuid ELSE ($3::uuid[])[1 + g % $4] END AS organisation_id,
            floor(random() * (SELECT count(*) FROM bench_place))::int AS place,
            random() AS r_status, random() AS r_radius, random() AS r_gender, random() AS r_language,
            random() AS r_lived, random() AS r_modes, random() AS r_max, random() AS r_load,
            random() AS r_since
       FROM generate_series(1, $5) g`,
    [IN_ORGANISATION, organisation, others, others.length, VOLUNTEERS],
  );
  await client.query(`INSERT INTO users (id, email, password_hash, role, organisation_id)
    SELECT user_id, 'bench-mentor-' || n || '@example.org', 'not a password hash', 'MENTOR', NULL
      FROM bench_volunteer`);
  await client.query(`INSERT INTO volunteer_profiles (id, user_id, organisation_id, display_name, status,
      outcode, location, travel_radius_km, gender, languages, pathways, lived_experience,
      delivery_modes, max_mentees, active_mentees, active_since)
    SELECT b.id, b.user_id, b.organisation_id, 'Mentor ' || b.n, s.status, p.outcode, p.location,
      CASE WHEN b.r_radius < 0.95 THEN 5 + round(b.r_radius / 0.95 * 35) ELSE 50 + round((b.r_radius - 0.95) * 3000) END,
      CASE WHEN b.r_gender < 0.52 THEN 'FEMALE' WHEN b.r_gender < 0.97 THEN 'MALE' ELSE 'NOT_STATED' END,
      CASE WHEN b.r_language < 0.15 THEN ARRAY['en', (${LANGUAGES})[1 + floor(b.r_language * 46)::int % 7]] ELSE ARRAY['en'] END,
      coalesce(nullif(ARRAY(SELECT pw FROM unnest(${PATHWAYS}) pw WHERE random() < 0.3 + 0 * b.n), '{}'),
               ARRAY[(${PATHWAYS})[1 + b.n % 7]]),
      b.r_lived < 0.25,
      CASE WHEN b.r_modes < 0.5 THEN ARRAY['IN_PERSON'] WHEN b.r_modes < 0.8 THEN ARRAY['IN_PERSON', 'PHONE']
           WHEN b.r_modes < 0.9 THEN ARRAY['IN_PERSON', 'ONLINE'] ELSE ARRAY['PHONE', 'ONLINE'] END,
      1 + floor(b.r_max * 4)::int,
      CASE WHEN s.status = 'ACTIVE' THEN floor(b.r_load * (2 + floor(b.r_max * 4)))::int ELSE 0 END,
      CASE WHEN s.status = 'ACTIVE' THEN now() - b.r_since * interval '4 years' END
    FROM bench_volunteer b
    JOIN bench_place p ON p.n = b.place
    CROSS JOIN LATERAL (SELECT CASE WHEN b.r_status < 0.08 THEN 'APPLIED' WHEN b.r_status < 0.16 THEN 'VETTING'
      WHEN b.r_status < 0.50 THEN 'APPROVED' WHEN b.r_status < 0.90 THEN 'ACTIVE'
      WHEN b.r_status < 0.95 THEN 'PAUSED' WHEN b.r_status < 0.98 THEN 'WITHDRAWN' ELSE 'REJECTED' END AS status) s`);
  // Identity, references and prison security: CLEAR for most (security for three in four), never expiring
  // for identity and references; prison security renewed every two years.
  await client.query(`CREATE TEMP TABLE bench_check AS
    SELECT v.id AS volunteer_id, k.kind, k.clear, random() AS r
      FROM volunteer_profiles v
      CROSS JOIN (VALUES ('IDENTITY', 0.98), ('REFERENCE', 0.98), ('REFERENCE', 0.98), ('PRISON_SECURITY', 0.75)) k(kind, clear)
     WHERE v.status <> 'APPLIED'`);
  await client.query(`INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, expires_on, requested_at, decided_at)
    SELECT volunteer_id, kind, CASE WHEN r < clear THEN 'CLEAR' ELSE 'REQUESTED' END, CASE WHEN r < clear THEN 'CLEAR' END,
      CASE WHEN kind = 'PRISON_SECURITY' AND r < clear THEN current_date + (r * 1460)::int END,
      now() - interval '400 days', CASE WHEN r < clear THEN now() - interval '390 days' END
    FROM bench_check`);
  await client.query(`CREATE TEMP TABLE bench_dbs AS
    SELECT v.id AS volunteer_id, random() AS r_level, random() AS r_lists, random() AS r_outcome,
           random() AS r_age, random() AS r_assessed, random() AS r_superseded
      FROM volunteer_profiles v WHERE v.status <> 'APPLIED'`);
  await client.query(`INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, dbs_level, barred_lists,
      barred_on, issued_on, expires_on, superseded, requested_at, decided_at)
    SELECT d.volunteer_id, 'DBS', o.outcome_shown, o.outcome, l.level,
      CASE WHEN l.level = 'ENHANCED' AND d.r_lists < 0.6 THEN ARRAY['ADULTS']
           WHEN l.level = 'ENHANCED' AND d.r_lists < 0.9 THEN ARRAY['ADULTS', 'CHILDREN'] ELSE '{}' END,
      CASE WHEN o.outcome = 'BARRED' THEN ARRAY['ADULTS'] ELSE '{}' END,
      t.issued, t.issued + interval '3 years', d.r_superseded < 0.02,
      t.issued - interval '20 days', CASE WHEN o.outcome IS NOT NULL THEN t.issued::timestamptz END
    FROM bench_dbs d
    CROSS JOIN LATERAL (SELECT CASE WHEN d.r_level < 0.1 THEN 'BASIC' WHEN d.r_level < 0.5 THEN 'STANDARD' ELSE 'ENHANCED' END AS level) l
    CROSS JOIN LATERAL (SELECT (current_date - (d.r_age * 1180)::int) AS issued) t
    CROSS JOIN LATERAL (SELECT CASE WHEN d.r_outcome < 0.80 THEN 'CLEAR' WHEN d.r_outcome < 0.92 THEN 'DISCLOSURE'
      WHEN d.r_outcome < 0.93 THEN 'BARRED' END AS outcome,
      CASE WHEN d.r_outcome >= 0.93 THEN 'REQUESTED' WHEN d.r_outcome < 0.92 AND t.issued + interval '3 years' <= current_date THEN 'EXPIRED'
           WHEN d.r_outcome < 0.80 THEN 'CLEAR' WHEN d.r_outcome < 0.92 THEN 'DISCLOSURE' ELSE 'BARRED' END AS outcome_shown) o`);
  // Risk assessments after most disclosures.
  await client.query(`INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, requested_at, decided_at)
    SELECT c.volunteer_id, 'CONVICTION_RISK_ASSESSMENT', 'CLEAR', 'CLEAR', c.decided_at, c.decided_at + interval '10 days'
      FROM vetting_checks c JOIN bench_dbs d ON d.volunteer_id = c.volunteer_id
     WHERE c.kind = 'DBS' AND c.outcome = 'DISCLOSURE' AND d.r_assessed < 0.6`);
  await client.query('VACUUM ANALYZE volunteer_profiles');
  await client.query('VACUUM ANALYZE vetting_checks');
  await client.query('VACUUM ANALYZE users');
}

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
      await seedVolunteers(client, organisation, others);
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
