import type { Client } from 'pg';

/*
 * The volunteers of bench/suggestions.ts and bench/assignments.ts, seeded in SQL from one seeded
 * random stream; the two benches differ only in the shares below.
 */

/** How many volunteers, and the shares that shape their checks. */
export interface VolunteerShape {
  volunteers: number;
  /** The first this many belong to the organisation under test; the rest to the others. */
  inOrganisation: number;
  /** Share of identity, reference and prison security checks that are CLEAR. */
  clearShare: { identity: number; references: number; prisonSecurity: number };
  /** DBS level by a uniform draw: BASIC below the first, STANDARD below the second, else ENHANCED. */
  dbsLevels: { basicBelow: number; standardBelow: number };
  /** DBS certificates issued up to this many days ago. */
  dbsIssuedWithinDays: number;
}

export const PATHWAYS = `ARRAY['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT', 'HEALTH', 'DRUGS_ALCOHOL',
  'FINANCE_BENEFIT_DEBT', 'CHILDREN_FAMILIES', 'ATTITUDES_THINKING_BEHAVIOUR']`;
export const LANGUAGES = `ARRAY['pl', 'ur', 'pa', 'ar', 'so', 'ro', 'cy']`;

/**
 * Volunteers spread over the outcodes of England and Wales: most APPROVED or ACTIVE; travel radii
 * mostly 5–40 km, a few up to 200; half in person only, the rest also (or only) by phone or online;
 * some at capacity. Each volunteer past APPLIED has the checks an organisation would hold: an
 * identity check, two references, a DBS check (BASIC to ENHANCED, mostly CLEAR, some DISCLOSURE
 * with or without a risk assessment after it, a few BARRED or superseded, certificates up to
 * `dbsIssuedWithinDays` old with a 3-year re-check) and, for a share, prison security clearance.
 */
export async function seedVolunteers(
  client: Client,
  organisation: string,
  others: string[],
  shape: VolunteerShape,
): Promise<void> {
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
    [shape.inOrganisation, organisation, others, others.length, shape.volunteers],
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
  // Identity, references and prison security: CLEAR for most, never expiring for identity and
  // references; prison security renewed every two years.
  const { identity, references, prisonSecurity } = shape.clearShare;
  await client.query(
    `CREATE TEMP TABLE bench_check AS
    SELECT v.id AS volunteer_id, k.kind, k.clear, random() AS r
      FROM volunteer_profiles v
      CROSS JOIN (VALUES ('IDENTITY', $1::float8), ('REFERENCE', $2::float8), ('REFERENCE', $2), ('PRISON_SECURITY', $3::float8)) k(kind, clear)
     WHERE v.status <> 'APPLIED'`,
    [identity, references, prisonSecurity],
  );
  await client.query(`INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, expires_on, requested_at, decided_at)
    SELECT volunteer_id, kind, CASE WHEN r < clear THEN 'CLEAR' ELSE 'REQUESTED' END, CASE WHEN r < clear THEN 'CLEAR' END,
      CASE WHEN kind = 'PRISON_SECURITY' AND r < clear THEN current_date + (r * 1460)::int END,
      now() - interval '400 days', CASE WHEN r < clear THEN now() - interval '390 days' END
    FROM bench_check`);
  await client.query(`CREATE TEMP TABLE bench_dbs AS
    SELECT v.id AS volunteer_id, random() AS r_level, random() AS r_lists, random() AS r_outcome,
           random() AS r_age, random() AS r_assessed, random() AS r_superseded
      FROM volunteer_profiles v WHERE v.status <> 'APPLIED'`);
  await client.query(
    `INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, dbs_level, barred_lists,
      barred_on, issued_on, expires_on, superseded, requested_at, decided_at)
    SELECT d.volunteer_id, 'DBS', o.outcome_shown, o.outcome, l.level,
      CASE WHEN l.level = 'ENHANCED' AND d.r_lists < 0.6 THEN ARRAY['ADULTS']
           WHEN l.level = 'ENHANCED' AND d.r_lists < 0.9 THEN ARRAY['ADULTS', 'CHILDREN'] ELSE '{}' END,
      CASE WHEN o.outcome = 'BARRED' THEN ARRAY['ADULTS'] ELSE '{}' END,
      t.issued, t.issued + interval '3 years', d.r_superseded < 0.02,
      t.issued - interval '20 days', CASE WHEN o.outcome IS NOT NULL THEN t.issued::timestamptz END
    FROM bench_dbs d
    CROSS JOIN LATERAL (SELECT CASE WHEN d.r_level < $1 THEN 'BASIC' WHEN d.r_level < $2 THEN 'STANDARD' ELSE 'ENHANCED' END AS level) l
    CROSS JOIN LATERAL (SELECT (current_date - (d.r_age * $3)::int) AS issued) t
    CROSS JOIN LATERAL (SELECT CASE WHEN d.r_outcome < 0.80 THEN 'CLEAR' WHEN d.r_outcome < 0.92 THEN 'DISCLOSURE'
      WHEN d.r_outcome < 0.93 THEN 'BARRED' END AS outcome,
      CASE WHEN d.r_outcome >= 0.93 THEN 'REQUESTED' WHEN d.r_outcome < 0.92 AND t.issued + interval '3 years' <= current_date THEN 'EXPIRED'
           WHEN d.r_outcome < 0.80 THEN 'CLEAR' WHEN d.r_outcome < 0.92 THEN 'DISCLOSURE' ELSE 'BARRED' END AS outcome_shown) o`,
    [shape.dbsLevels.basicBelow, shape.dbsLevels.standardBelow, shape.dbsIssuedWithinDays],
  );
  // Risk assessments after most disclosures.
  await client.query(`INSERT INTO vetting_checks (volunteer_id, kind, status, outcome, requested_at, decided_at)
    SELECT c.volunteer_id, 'CONVICTION_RISK_ASSESSMENT', 'CLEAR', 'CLEAR', c.decided_at, c.decided_at + interval '10 days'
      FROM vetting_checks c JOIN bench_dbs d ON d.volunteer_id = c.volunteer_id
     WHERE c.kind = 'DBS' AND c.outcome = 'DISCLOSURE' AND d.r_assessed < 0.6`);
  await client.query('VACUUM ANALYZE volunteer_profiles');
  await client.query('VACUUM ANALYZE vetting_checks');
  await client.query('VACUUM ANALYZE users');
}
