import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import {
  DemoCheck,
  DemoOrganisation,
  DemoReferral,
  DemoScheme,
  MENTORS,
  ORGANISATIONS,
  PRISON_STAFF,
  REFERRALS,
  SCHEMES,
} from './demo-data';

/**
 * `npm run seed:demo`: a realistic demo through the running API's GraphQL mutations, so every
 * validation applies. Idempotent: whatever already exists (CONFLICT) is kept, never duplicated.
 *
 * After the accounts: schemes, the mentors' vetting, referrals from prison staff, coordinators'
 * answers and matches, each step reading what an earlier run left and doing only what is missing.
 *
 * Needs the API at DEMO_GRAPHQL_URL (default http://127.0.0.1:$PORT/graphql) started with
 * BOOTSTRAP_ADMIN_EMAIL/PASSWORD, and DATABASE_URL to find organisations created by an earlier run.
 */
const GRAPHQL_URL =
  process.env.DEMO_GRAPHQL_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/graphql`;
const ADMIN_EMAIL = process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@resettle.example';
const ADMIN_PASSWORD = process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'through the gate 2026';
/** Every seeded account signs in with this passphrase. */
const PASSWORD = process.env.DEMO_PASSWORD ?? ADMIN_PASSWORD;
const DOMAIN = 'resettle.example';

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

class GraphQLCallError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorBody[] };
  const error = body.errors?.[0];
  if (error) {
    const fields = (error.extensions?.fields ?? []).filter(
      (f) => !error.message.includes(f.message),
    );
    const detail = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    throw new GraphQLCallError(
      error.extensions?.code,
      detail ? `${error.message} (${detail})` : error.message,
    );
  }
  if (!body.data) throw new Error(`HTTP ${response.status} without data`);
  return body.data;
}

/** Runs a create mutation; false when it already exists (CONFLICT), so a second run changes nothing. */
async function createOnce(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof GraphQLCallError && error.code === 'CONFLICT') return false;
    throw error;
  }
}

function emailOf(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DOMAIN}`;
}

async function seedOrganisations(admin: string): Promise<Map<DemoOrganisation['key'], string>> {
  const ids = new Map<DemoOrganisation['key'], string>();
  const missing: DemoOrganisation[] = [];
  for (const organisation of ORGANISATIONS) {
    const created = await createOnce(async () => {
      const data = await gql<{ createOrganisation: { id: string } }>(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: organisation.name, specialisms: organisation.specialisms } },
        admin,
      );
      ids.set(organisation.key, data.createOrganisation.id);
    });
    if (!created) missing.push(organisation);
  }
  if (missing.length > 0) {
    // The contract has no organisation lookup by name; an earlier run's ids are read directly.
    const db = new Client({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/resettle',
    });
    await db.connect();
    try {
      for (const organisation of missing) {
        const { rows } = await db.query<{ id: string }>(
          'SELECT id FROM organisations WHERE lower(name) = lower($1)',
          [organisation.name],
        );
        if (!rows[0])
          throw new Error(`organisation ${organisation.name} exists but was not found by name`);
        ids.set(organisation.key, rows[0].id);
      }
    } finally {
      await db.end();
    }
  }
  console.log(
    `seed: organisations ${ORGANISATIONS.length - missing.length} created, ${missing.length} already there`,
  );
  return ids;
}

async function createStaff(admin: string, input: Record<string, unknown>): Promise<boolean> {
  return createOnce(() =>
    gql(
      'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
      { input: { password: PASSWORD, ...input } },
      admin,
    ),
  );
}

async function mutationExists(name: string): Promise<boolean> {
  const data = await gql<{ __type: { fields: { name: string }[] } | null }>(
    '{ __type(name: "Mutation") { fields { name } } }',
  );
  return data.__type?.fields.some((field) => field.name === name) ?? false;
}

async function seedMentors(organisations: Map<DemoOrganisation['key'], string>): Promise<string[]> {
  if (!(await mutationExists('registerMentor'))) {
    console.log('seed: mentors skipped: this API does not serve registerMentor yet');
    return [];
  }
  let created = 0;
  const lines: string[] = [];
  for (const mentor of MENTORS) {
    const { organisation, place, vetting: _vetting, ...profile } = mentor;
    const email = emailOf(mentor.displayName);
    try {
      const fresh = await createOnce(() =>
        gql(
          'mutation($input: RegisterMentorInput!) { registerMentor(input: $input) { accessToken } }',
          {
            input: {
              ...profile,
              email,
              password: PASSWORD,
              organisationId: organisations.get(organisation),
              consentToProcessing: true,
            },
          },
        ),
      );
      if (fresh) created += 1;
      const traits = [
        mentor.livedExperience ? 'lived experience' : null,
        `speaks ${mentor.languages.join(' ')}`,
      ]
        .filter(Boolean)
        .join('; ');
      lines.push(`  MENTOR        ${email.padEnd(44)} ${mentor.postcode} ${place} (${traits})`);
    } catch (error) {
      console.log(`seed: mentor ${mentor.displayName} not registered: ${(error as Error).message}`);
    }
  }
  console.log(`seed: mentors ${created} registered, ${lines.length - created} already there`);
  return lines;
}

type OrganisationIds = Map<DemoOrganisation['key'], string>;

const coordinatorEmail = (key: DemoOrganisation['key']): string => `coordinator.${key}@${DOMAIN}`;
const staffEmail = (prisonCode: string): string => `staff.${prisonCode.toLowerCase()}@${DOMAIN}`;

/** An ISO date `days` from today, as the API's clock counts days (UTC). */
function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const tokens = new Map<string, string>();

/** Signs in a seeded account once per run. */
async function tokenOf(email: string): Promise<string> {
  let token = tokens.get(email);
  if (!token) {
    const data = await gql<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: PASSWORD },
    );
    token = data.login.accessToken;
    tokens.set(email, token);
  }
  return token;
}

function organisationIdOf(organisations: OrganisationIds, key: DemoOrganisation['key']): string {
  const id = organisations.get(key);
  if (!id) throw new Error(`organisation ${key} was not seeded`);
  return id;
}

/** CreateSchemeInput of a demo scheme. */
function schemeInput(scheme: DemoScheme, organisationId: string): Record<string, unknown> {
  const input: Record<string, unknown> = { ...scheme, organisationId };
  delete input.organisation;
  return input;
}

/** Each organisation's schemes, found by name (an earlier run's) or created; ids by name. */
async function seedSchemes(organisations: OrganisationIds): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let created = 0;
  for (const organisation of ORGANISATIONS) {
    const token = await tokenOf(coordinatorEmail(organisation.key));
    const organisationId = organisationIdOf(organisations, organisation.key);
    const existing = await gql<{ schemes: { edges: { node: { id: string; name: string } }[] } }>(
      'query($id: ID!) { schemes(organisationId: $id, first: 100) { edges { node { id name } } } }',
      { id: organisationId },
      token,
    );
    for (const { node } of existing.schemes.edges) ids.set(node.name, node.id);
    for (const scheme of SCHEMES.filter((s) => s.organisation === organisation.key)) {
      if (ids.has(scheme.name)) continue;
      const data = await gql<{ createScheme: { id: string } }>(
        'mutation($input: CreateSchemeInput!) { createScheme(input: $input) { id } }',
        { input: schemeInput(scheme, organisationId) },
        token,
      );
      ids.set(scheme.name, data.createScheme.id);
      created += 1;
    }
  }
  console.log(`seed: schemes ${created} created, ${SCHEMES.length - created} already there`);
  return ids;
}

interface CheckRow {
  id: string;
  kind: string;
  status: string;
  dbsLevel: string | null;
}

interface VolunteerRow {
  id: string;
  displayName: string;
  status: string;
  checks: CheckRow[];
}

async function volunteersOf(organisationId: string, token: string): Promise<VolunteerRow[]> {
  const data = await gql<{ volunteers: { edges: { node: VolunteerRow }[] } }>(
    `query($id: ID!) { volunteers(organisationId: $id, first: 100) {
      edges { node { id displayName status checks { id kind status dbsLevel } } } } }`,
    { id: organisationId },
    token,
  );
  return data.volunteers.edges.map((edge) => edge.node);
}

let certificates = 0;

/** The outcome a coordinator records for a demo check: generic notes, obviously made-up numbers. */
function outcomeOf(check: DemoCheck): Record<string, unknown> {
  if (check.kind === 'DBS') {
    certificates += 1;
    return {
      status: check.disclosure ? 'DISCLOSURE' : 'CLEAR',
      certificateNumber: String(certificates).padStart(12, '0'),
      issuedOn: isoDay(-90),
      updateServiceSubscribed: check.dbsLevel !== 'BASIC',
    };
  }
  if (check.kind === 'CONVICTION_RISK_ASSESSMENT') {
    return {
      status: 'CLEAR',
      notes: 'Disclosure considered against the role; suitable to mentor.',
    };
  }
  return { status: 'CLEAR' };
}

/**
 * Requests each planned check the volunteer does not have yet and records the outcomes still
 * missing (a check matches a planned one of the same kind and DBS level); true when anything changed.
 */
async function ensureChecks(
  volunteer: VolunteerRow,
  planned: DemoCheck[],
  token: string,
): Promise<boolean> {
  const unused = [...volunteer.checks];
  let changed = false;
  for (const spec of planned) {
    const index = unused.findIndex(
      (check) => check.kind === spec.kind && check.dbsLevel === (spec.dbsLevel ?? null),
    );
    let check = index >= 0 ? unused.splice(index, 1)[0] : undefined;
    if (!check) {
      const data = await gql<{ requestVettingCheck: CheckRow }>(
        'mutation($input: RequestVettingCheckInput!) { requestVettingCheck(input: $input) { id kind status dbsLevel } }',
        {
          input: {
            volunteerId: volunteer.id,
            kind: spec.kind,
            dbsLevel: spec.dbsLevel,
            barredLists: spec.barredLists,
          },
        },
        token,
      );
      check = data.requestVettingCheck;
      changed = true;
    }
    if (check.status === 'REQUESTED' && !spec.pending) {
      await gql(
        'mutation($input: RecordVettingOutcomeInput!) { recordVettingOutcome(input: $input) { id } }',
        { input: { checkId: check.id, ...outcomeOf(spec) } },
        token,
      );
      changed = true;
    }
  }
  return changed;
}

/** The checks a coordinator makes, then APPROVED for the mentors whose checks are all in. */
async function seedVetting(organisations: OrganisationIds): Promise<void> {
  let vetted = 0;
  for (const organisation of ORGANISATIONS) {
    const token = await tokenOf(coordinatorEmail(organisation.key));
    const volunteers = await volunteersOf(organisationIdOf(organisations, organisation.key), token);
    for (const mentor of MENTORS.filter((m) => m.organisation === organisation.key)) {
      const volunteer = volunteers.find((v) => v.displayName === mentor.displayName);
      if (!volunteer) continue;
      if (await ensureChecks(volunteer, mentor.vetting.checks, token)) vetted += 1;
      // The first check moved an APPLIED volunteer to VETTING.
      const vetting =
        volunteer.status === 'VETTING' ||
        (volunteer.status === 'APPLIED' && mentor.vetting.checks.length > 0);
      if (mentor.vetting.approve && vetting) {
        await gql(
          'mutation($id: ID!) { setVolunteerStatus(id: $id, status: APPROVED) { id } }',
          { id: volunteer.id },
          token,
        );
      }
    }
  }
  console.log(`seed: vetting recorded for ${vetted} mentors, ${MENTORS.length - vetted} unchanged`);
}

interface MatchRow {
  id: string;
  status: string;
  volunteer: { displayName: string };
  sessions: { id: string }[];
}

interface ReferralRow {
  id: string;
  status: string;
  personReference: string;
  scheme: { id: string };
  match: MatchRow | null;
}

const MATCH_FIELDS = 'id status volunteer { displayName } sessions { id }';
const REFERRAL_FIELDS = `id status personReference scheme { id } match { ${MATCH_FIELDS} }`;

/** Every referral there is (the demo makes a handful), by scheme and prison number. */
async function existingReferrals(admin: string): Promise<Map<string, ReferralRow>> {
  const data = await gql<{ referrals: ReferralRow[] }>(
    `{ referrals(first: 100) { ${REFERRAL_FIELDS} } }`,
    {},
    admin,
  );
  return new Map(data.referrals.map((r) => [`${r.scheme.id}:${r.personReference}`, r]));
}

async function createReferral(referral: DemoReferral, schemeId: string): Promise<ReferralRow> {
  const data = await gql<{ createReferral: ReferralRow }>(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`,
    {
      input: {
        schemeId,
        personReference: referral.personReference,
        prisonCode: referral.prisonCode,
        releaseDate: isoDay(referral.releaseInDays),
        releasePostcode: referral.releasePostcode,
        needs: referral.needs,
        riskLevel: referral.riskLevel,
        gender: referral.gender,
        age: referral.age,
        languages: referral.languages,
        consentGiven: true,
      },
    },
    await tokenOf(staffEmail(referral.prisonCode)),
  );
  return data.createReferral;
}

/** The coordinator's answer to a SENT referral, as the demo wants it. */
async function answerReferral(
  referral: DemoReferral,
  row: ReferralRow,
  coordinator: string,
): Promise<ReferralRow> {
  if (row.status !== 'SENT' || referral.goal.status === 'SENT') return row;
  const accept = referral.goal.status !== 'DECLINED';
  const reason = referral.goal.status === 'DECLINED' ? referral.goal.reason : null;
  const data = await gql<{ respondToReferral: ReferralRow }>(
    `mutation($id: ID!, $accept: Boolean!, $reason: String) {
      respondToReferral(id: $id, accept: $accept, reason: $reason) { ${REFERRAL_FIELDS} } }`,
    { id: row.id, accept, reason },
    coordinator,
  );
  return data.respondToReferral;
}

/**
 * The coordinator proposes the top suggested mentor, who accepts (signed in as that mentor); with
 * a `session`, the mentor logs a first session today and records the START ratings.
 */
async function matchReferral(
  referral: DemoReferral,
  row: ReferralRow,
  coordinator: string,
): Promise<void> {
  if (referral.goal.status !== 'MATCHED') return;
  let match = row.match;
  if (!match && row.status === 'ACCEPTED') {
    const data = await gql<{
      suggestMentors: { volunteer: { id: string; displayName: string } }[];
    }>(
      'query($id: ID!) { suggestMentors(referralId: $id, first: 1) { volunteer { id displayName } } }',
      { id: row.id },
      coordinator,
    );
    const top = data.suggestMentors[0];
    if (!top) {
      console.log(
        `seed: no mentor to suggest for ${referral.personReference} (${referral.scheme})`,
      );
      return;
    }
    const proposed = await gql<{ proposeMatch: MatchRow }>(
      `mutation($referralId: ID!, $volunteerId: ID!) {
        proposeMatch(referralId: $referralId, volunteerId: $volunteerId) { ${MATCH_FIELDS} } }`,
      { referralId: row.id, volunteerId: top.volunteer.id },
      coordinator,
    );
    match = proposed.proposeMatch;
  }
  if (!match) return;
  const mentor = await tokenOf(emailOf(match.volunteer.displayName));
  if (match.status === 'PROPOSED') {
    await gql(
      'mutation($id: ID!) { respondToMatch(id: $id, accept: true) { id } }',
      { id: match.id },
      mentor,
    );
    match = { ...match, status: 'ACCEPTED' };
  }
  const session = referral.goal.session;
  if (!session || match.status !== 'ACCEPTED' || match.sessions.length > 0) return;
  await gql(
    'mutation($input: LogSessionInput!) { logSession(input: $input) { id } }',
    {
      input: {
        matchId: match.id,
        date: isoDay(),
        minutes: session.minutes,
        pathways: referral.needs,
        note: session.note,
      },
    },
    mentor,
  );
  await gql(
    'mutation($id: ID!, $ratings: [OutcomeRatingInput!]!) { recordOutcome(matchId: $id, stage: START, ratings: $ratings) { id } }',
    {
      id: match.id,
      ratings: Object.entries(session.ratings).map(([pathway, rating]) => ({ pathway, rating })),
    },
    mentor,
  );
}

/** Referrals from prison staff, the coordinators' answers and matches; statuses by prison number. */
async function seedReferrals(
  admin: string,
  schemes: Map<string, string>,
): Promise<Map<string, string>> {
  const existing = await existingReferrals(admin);
  let created = 0;
  for (const referral of REFERRALS) {
    const schemeId = schemes.get(referral.scheme);
    const scheme = SCHEMES.find((s) => s.name === referral.scheme);
    if (!schemeId || !scheme) throw new Error(`scheme ${referral.scheme} was not seeded`);
    let row = existing.get(`${schemeId}:${referral.personReference}`);
    if (!row) {
      row = await createReferral(referral, schemeId);
      created += 1;
    }
    const coordinator = await tokenOf(coordinatorEmail(scheme.organisation));
    row = await answerReferral(referral, row, coordinator);
    await matchReferral(referral, row, coordinator);
  }
  console.log(`seed: referrals ${created} created, ${REFERRALS.length - created} already there`);
  const statuses = new Map<string, string>();
  for (const row of (await existingReferrals(admin)).values()) {
    statuses.set(row.personReference, row.status);
  }
  return statuses;
}

/** "2 MATCHED, 1 SENT": how many of each value. */
function tally(values: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${value}`).join(', ');
}

/** The demo mentors' statuses now (matched mentors are ACTIVE). */
async function mentorStatuses(admin: string): Promise<string[]> {
  const data = await gql<{
    volunteers: { edges: { node: { displayName: string; status: string } }[] };
  }>('{ volunteers(first: 100) { edges { node { displayName status } } } }', {}, admin);
  const names = new Set(MENTORS.map((mentor) => mentor.displayName));
  return data.volunteers.edges
    .map((e) => e.node)
    .filter((v) => names.has(v.displayName))
    .map((v) => v.status);
}

/** What the demo holds besides the accounts, for credentials.txt and the banner. */
function demoSummary(mentors: string[], referralStatuses: Map<string, string>): string[] {
  const perOrganisation = ORGANISATIONS.map(
    (o) => `${SCHEMES.filter((s) => s.organisation === o.key).length} ${o.name}`,
  );
  const demoReferrals = REFERRALS.map((r) => referralStatuses.get(r.personReference) ?? 'MISSING');
  return [
    `Demo data: ${SCHEMES.length} schemes (${perOrganisation.join('; ')}) on the map;`,
    `  mentors ${tally(mentors)};`,
    `  ${REFERRALS.length} referrals from HMP Leeds, Manchester, Styal and Brixton: ${tally(demoReferrals)}.`,
  ];
}

async function main(): Promise<void> {
  const login = await gql<{ login: { accessToken: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  );
  const admin = login.login.accessToken;
  const organisations = await seedOrganisations(admin);

  const credentials = [`  ADMIN         ${ADMIN_EMAIL.padEnd(44)} platform operator`];
  let staffCreated = 0;
  for (const organisation of ORGANISATIONS) {
    const email = coordinatorEmail(organisation.key);
    if (
      await createStaff(admin, {
        email,
        role: 'COORDINATOR',
        organisationId: organisations.get(organisation.key),
      })
    )
      staffCreated += 1;
    credentials.push(
      `  COORDINATOR   ${email.padEnd(44)} ${organisation.name} (${organisation.about})`,
    );
  }
  for (const { prisonCode, prison } of PRISON_STAFF) {
    const email = staffEmail(prisonCode);
    if (await createStaff(admin, { email, role: 'PRISON_STAFF', prisonCode })) staffCreated += 1;
    credentials.push(`  PRISON_STAFF  ${email.padEnd(44)} ${prison} (${prisonCode})`);
  }
  const staffTotal = ORGANISATIONS.length + PRISON_STAFF.length;
  console.log(
    `seed: staff accounts ${staffCreated} created, ${staffTotal - staffCreated} already there`,
  );
  credentials.push(...(await seedMentors(organisations)));
  const schemes = await seedSchemes(organisations);
  await seedVetting(organisations);
  const referrals = await seedReferrals(admin, schemes);
  const summary = demoSummary(await mentorStatuses(admin), referrals);
  console.log(`seed: ${summary.map((line) => line.trim()).join(' ')}`);

  const passphrases =
    PASSWORD === ADMIN_PASSWORD
      ? [`Passphrase of every account: ${PASSWORD}`]
      : [`Admin passphrase: ${ADMIN_PASSWORD}`, `Passphrase of every other account: ${PASSWORD}`];
  const text = [...passphrases, ...credentials, '', ...summary].join('\n') + '\n';
  if (process.env.DEMO_CREDENTIALS_FILE) writeFileSync(process.env.DEMO_CREDENTIALS_FILE, text);
  else process.stdout.write(text);
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
