import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

// What every benchmark script needs: pinning to a core, ports, deterministic data, percentiles,
// a load loop, its own database, query plans, and the API as a child process (GraphQL clients of
// it in ./graphql-client.ts). See ../README.md and ../../../shared/docs/benchmarks.md.

export const root = join(__dirname, '..', '..');

let tasksetChecked: boolean | undefined;
function hasTaskset(): boolean {
  if (tasksetChecked === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      tasksetChecked = true;
    } catch {
      tasksetChecked = false;
    }
  }
  return tasksetChecked;
}

/** `command args` pinned to one core when taskset exists (servers on core 0, the driver on 1). */
export function pin(cpu: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset() ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

/** Pins this process (the load driver) to a core. */
export function pinSelf(cpu: number): void {
  if (hasTaskset())
    execFileSync('taskset', ['-pc', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Deterministic data: the same seed gives the same rows on every run. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Runs `total` calls of `call(i)` with `concurrency` in flight; returns each call's latency. */
export async function load(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const start = performance.now();
        await call(i);
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

export function machineLine(title: string): string {
  return `${title} — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM`;
}

/**
 * An empty database `resettle_bench_<name>` on BENCH_DATABASE_SERVER (dropped first if a run left
 * it behind); `drop()` at the end removes it unless BENCH_KEEP_DATABASE is set.
 */
export async function benchDatabase(
  name: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const database = `resettle_bench_${name}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  return {
    name: database,
    url: `${server}/${database}`,
    drop: async () => {
      if (!process.env.BENCH_KEEP_DATABASE)
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Prints the plan PostgreSQL runs `text` with, under a title. */
export async function explain(
  client: Client,
  title: string,
  text: string,
  values: unknown[],
): Promise<void> {
  const rows = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  console.log(`\n-- EXPLAIN (ANALYZE, BUFFERS): ${title}`);
  for (const row of rows.rows) console.log(`   ${row['QUERY PLAN']}`);
}

/**
 * apps/api as a child process pinned to core 0, in production mode and silent, on a free port;
 * resolves once `ready(port)` succeeds. `stdout: 'pipe'` keeps its log readable (with a LOG_LEVEL
 * in `env`) for scripts that read the API's own measurements from it.
 */
export async function startApiProcess(
  env: Record<string, string>,
  ready: (port: number) => Promise<unknown>,
  { stdout = 'ignore' }: { stdout?: 'ignore' | 'pipe' } = {},
): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const [command, args] = pin(0, process.execPath, [
    '-r',
    '@swc-node/register',
    '-r',
    'tsconfig-paths/register',
    'apps/api/src/main.ts',
  ]);
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', stdout, 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await ready(port);
      return { port, process: child };
    } catch (error) {
      if (attempt > 600 || child.exitCode !== null)
        throw new Error(`API did not start: ${String(error)}`, { cause: error });
      await sleep(100);
    }
  }
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  // A child ended by a signal has signalCode set and exitCode null: it will not exit again.
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
