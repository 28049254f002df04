import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// What every benchmark script needs: pinning to a core, ports, deterministic data, percentiles,
// a load loop, and the API as a child process. See ../README.md and ../../../shared/docs/benchmarks.md.

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
 * apps/api as a child process pinned to core 0, in production mode and silent, on a free port;
 * resolves once `ready(port)` succeeds.
 */
export async function startApiProcess(
  env: Record<string, string>,
  ready: (port: number) => Promise<unknown>,
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
    stdio: ['ignore', 'ignore', 'inherit'],
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
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
