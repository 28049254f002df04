import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { TEST_ADMIN } from './test-env';

export interface GqlResult<T = Record<string, any>> {
  data: T | null;
  errors?: {
    message: string;
    extensions: {
      code: string;
      fields?: { field: string; message: string }[];
      [key: string]: unknown;
    };
  }[];
}

/** The API as clients see it: one Nest app per test file, driven over HTTP with supertest. */
export class TestApi {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(): Promise<TestApi> {
    return new TestApi(await createApp({ logger: false }));
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** POSTs a GraphQL operation; returns the parsed body (GraphQL errors come back with HTTP 200). */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    let call = this.http.post('/graphql').set('content-type', 'application/json');
    if (token) call = call.set('authorization', `Bearer ${token}`);
    // Each call looks like a different client address unless a test says otherwise, so the
    // per-address login throttle only counts what a test means it to.
    const all = { 'x-forwarded-for': randomClientAddress(), ...headers };
    for (const [name, value] of Object.entries(all)) call = call.set(name, value);
    const response = await call.send({ query, variables });
    if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${response.text}`);
    return response.body as GqlResult<T>;
  }

  /** Like gql, but fails the test on any GraphQL error and returns `data`. */
  async ok<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length)
      throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    return data.login.accessToken;
  }

  adminToken(): Promise<string> {
    return this.login(TEST_ADMIN.email, TEST_ADMIN.password);
  }
}

/** The first error's contract code, for `expect(codeOf(result)).toBe('CONFLICT')`. */
export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions.code;
}

function randomClientAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** A value unique to this test run and call, for emails and names. */
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** The SQL statements the app runs while `work` runs (as TypeORM logs them), in order. */
export async function statementsDuring(
  api: TestApi,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const { DataSource } = await import('typeorm');
  const logger = api.app.get(DataSource).logger;
  const statements: string[] = [];
  const spy = jest.spyOn(logger, 'logQuery').mockImplementation((query: string) => {
    statements.push(query);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return statements;
}
