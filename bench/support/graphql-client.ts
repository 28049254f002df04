import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { startApiProcess } from './machinery';

// The API as a client sees it: GraphQL over HTTP on one keep-alive agent, signed in as one user at
// a time, and apps/api started with a bootstrap admin to sign in as first.

export interface GraphqlResult {
  data?: unknown;
  errors?: unknown[];
}

export class GraphqlClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    readonly port: number,
    private token = '',
  ) {}

  /** One request; GraphQL errors come back in the result (for timed calls that check them). */
  post(query: string, variables: Record<string, unknown>): Promise<GraphqlResult> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const call = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        },
      );
      call.on('error', reject);
      call.end(body);
    });
  }

  /** The data of a request that must succeed; throws on any GraphQL error. */
  async ok<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const result = await this.post(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }

  signIn(token: string): void {
    this.token = token;
  }

  /** Logs in and sends that user's token from now on. */
  async signInAs(email: string, password: string): Promise<void> {
    const { login } = await this.ok<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    this.signIn(login.accessToken);
  }

  /** As the signed-in admin: a staff user (`input` as CreateStaffUserInput in the contract). */
  async createStaffUser(input: {
    email: string;
    password: string;
    role: string;
    organisationId?: string;
    prisonCode?: string;
  }): Promise<void> {
    await this.ok<unknown>(
      'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
      { input },
    );
  }

  close(): void {
    this.agent.destroy();
  }
}

export const BENCH_ADMIN_EMAIL = 'bench-admin@example.org';

/**
 * What every benchmark's API needs: its database, a Redis prefix of its own (`bench_<name>_…`), a
 * fresh JWT secret and the bootstrap admin with `adminPassword`. Scripts add their overrides.
 */
export function benchApiEnv(
  name: string,
  databaseUrl: string,
  adminPassword: string,
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `bench_${name}_${randomBytes(3).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: BENCH_ADMIN_EMAIL,
    BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
  };
}

/**
 * apps/api via startApiProcess, ready once it answers `{ me { id } }`; the client that asked is
 * the one returned (its keep-alive socket already open).
 */
export async function startGraphqlApi(
  env: Record<string, string>,
  options: { stdout?: 'ignore' | 'pipe' } = {},
): Promise<{ api: GraphqlClient; port: number; process: ChildProcess }> {
  let api: GraphqlClient | undefined;
  const started = await startApiProcess(
    env,
    (port) => {
      api ??= new GraphqlClient(port);
      return api.post('{ me { id } }', {});
    },
    options,
  );
  return { api: api as GraphqlClient, ...started };
}
