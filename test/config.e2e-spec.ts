import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestApi } from './support/app';

const ROOT = join(__dirname, '..');

/** Starts the API from source as `node` would in production, and collects how it ends. */
function startApi(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A configuration that wrongly passes would start a server: stop it rather than hang the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('configuration at start-up', () => {
  it('refuses a malformed REDIS_URL with one line naming it', async () => {
    const { code, stderr } = await startApi({ REDIS_URL: 'localhost:6379' });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(lines(stderr)).toEqual([expect.stringContaining('REDIS_URL')]);
  }, 30_000);

  it('refuses to run in production without JWT_SECRET, with one line naming it', async () => {
    const { code, stderr } = await startApi({ NODE_ENV: 'production', JWT_SECRET: undefined });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(lines(stderr)).toEqual([expect.stringContaining('JWT_SECRET')]);
  }, 30_000);
});

describe('GET /health', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  }, 30_000);
  afterAll(() => api.stop());

  it('reports PostgreSQL and Redis up', async () => {
    const response = await api.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});
