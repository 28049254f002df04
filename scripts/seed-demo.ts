import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { DemoOrganisation, MENTORS, ORGANISATIONS, PRISON_STAFF } from './demo-data';

/**
 * `npm run seed:demo`: a realistic demo through the running API's GraphQL mutations, so every
 * validation applies. Idempotent: whatever already exists (CONFLICT) is kept, never duplicated.
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
    const { organisation, place, ...profile } = mentor;
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
    const email = `coordinator.${organisation.key}@${DOMAIN}`;
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
    const email = `staff.${prisonCode.toLowerCase()}@${DOMAIN}`;
    if (await createStaff(admin, { email, role: 'PRISON_STAFF', prisonCode })) staffCreated += 1;
    credentials.push(`  PRISON_STAFF  ${email.padEnd(44)} ${prison} (${prisonCode})`);
  }
  const staffTotal = ORGANISATIONS.length + PRISON_STAFF.length;
  console.log(
    `seed: staff accounts ${staffCreated} created, ${staffTotal - staffCreated} already there`,
  );
  credentials.push(...(await seedMentors(organisations)));

  const passphrases =
    PASSWORD === ADMIN_PASSWORD
      ? [`Passphrase of every account: ${PASSWORD}`]
      : [`Admin passphrase: ${ADMIN_PASSWORD}`, `Passphrase of every other account: ${PASSWORD}`];
  const text = [...passphrases, ...credentials].join('\n') + '\n';
  if (process.env.DEMO_CREDENTIALS_FILE) writeFileSync(process.env.DEMO_CREDENTIALS_FILE, text);
  else process.stdout.write(text);
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
