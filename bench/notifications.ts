import 'reflect-metadata';
import { dataSourceOptions } from '@app/core/database/data-source';
import {
  EVENTS_STREAM_MAX_LENGTH,
  FAILED_JOBS_KEPT,
  defaultJobOptions,
} from '@app/core/queue/job-options';
import { QueueName } from '@app/core/queue/queue-names';
import {
  LOAD_CONTEXTS_SQL,
  RECORD_IN_APP_SQL,
} from '@app/notifications/notification-delivery.repository';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  benchDatabase,
  freePort,
  median,
  percentile,
  pin,
  pinSelf,
  root,
  sleep,
  stopProcess,
} from './support/machinery';

/*
 * Notifications through our worker (in-app channel only) against a bare BullMQ worker that does
 * nothing, with the same concurrency and job options (attempts, backoff, removeOnComplete,
 * removeOnFail), on the same machine, PostgreSQL and a private redis-server (so used_memory is ours
 * alone). The workers run on core 0, this driver on core 1. Two views, each side measured the same
 * way:
 * - worker: the jobs are queued while the queue is paused (ours: committed to the outbox and relayed;
 *   bare: added by this driver), then the clock runs from `resume` until the last one is done;
 * - pipeline: the clock runs from the first commit (ours) or add (bare), 500 at a time, to the last
 *   job done; ours includes relaying in the worker process, the bare jobs are added from core 1.
 * `npm run bench:notifications`.
 */

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = 3;
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 33_334);
const WARM_UP = 1000;
const RECIPIENTS = 1000;
const BARE_QUEUE = 'bare';

/** MEMORY USAGE of every key under a prefix, to show where a difference in used_memory lies. */
async function keyMemory(redis: Redis, prefix: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    for (const key of keys) sizes.set(key, Number(await redis.memory('USAGE', key)));
    cursor = next;
  } while (cursor !== '0');
  return sizes;
}

function keyMemoryChanges(before: Map<string, number>, after: Map<string, number>): string {
  const keys = new Set([...before.keys(), ...after.keys()]);
  const changes = [...keys]
    .map((key) => ({ key, delta: (after.get(key) ?? 0) - (before.get(key) ?? 0) }))
    .filter((change) => change.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, 6);
  const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const listed = changes.map(
    (c) => `${c.key.replace(/^[^:]+:/, '')} ${c.delta > 0 ? '+' : ''}${c.delta}`,
  );
  return `keys ${before.size} -> ${after.size}, bytes in keys ${total(before)} -> ${total(after)}; largest changes: ${listed.join(', ') || 'none'}`;
}

/**
 * CPU seconds (user + system) a process has used, from /proc: a per-job cost that, unlike a rate,
 * hardly moves when other work shares the machine. NaN where /proc is not readable.
 */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ)
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by Redis, and by the PostgreSQL backends serving `database` (not this driver's). */
async function serverCpuSeconds(
  redis: Redis,
  dataSource: DataSource,
  database: string,
): Promise<{ redis: number; postgres: number }> {
  const info = await redis.info('cpu');
  const redisCpu =
    Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) +
    Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]);
  const backends: { pid: number }[] = await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name <> $2`,
    [database, DRIVER_APPLICATION_NAME],
  );
  const postgres = backends.reduce((sum, row) => sum + processCpuSeconds(row.pid), 0);
  return { redis: redisCpu, postgres };
}

/** Transactions committed in `database` so far (each statement outside a transaction is one). */
async function commits(dataSource: DataSource, database: string): Promise<number> {
  const [row]: { n: string }[] = await dataSource.query(
    `SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  return Number(row.n);
}

const DRIVER_APPLICATION_NAME = 'bench-driver';

/** CPU per job in microseconds, between two snapshots. */
interface CpuSnapshot {
  worker: number;
  redis: number;
  postgres: number;
}
/** CPU per job summed over the measured phases only (start .. stop), in microseconds. */
class CpuMeter {
  private before: CpuSnapshot | null = null;
  private readonly total: CpuSnapshot = { worker: 0, redis: 0, postgres: 0 };
  private jobs = 0;

  constructor(private readonly snapshot: () => Promise<CpuSnapshot>) {}

  async start(): Promise<void> {
    this.before = await this.snapshot();
  }

  async stop(jobs: number): Promise<void> {
    const after = await this.snapshot();
    for (const key of ['worker', 'redis', 'postgres'] as const)
      this.total[key] += after[key] - this.before![key];
    this.jobs += jobs;
  }

  perJob(): CpuSnapshot {
    const us = (key: keyof CpuSnapshot) => (this.total[key] / this.jobs) * 1e6;
    return { worker: us('worker'), redis: us('redis'), postgres: us('postgres') };
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

/** The bare baseline: a BullMQ worker that does nothing, run as `bench/notifications.ts --bare`. */
async function bareWorker(): Promise<void> {
  const connection = {
    host: '127.0.0.1',
    port: Number(process.env.BENCH_REDIS_PORT),
    maxRetriesPerRequest: null,
  };
  const worker = new Worker(BARE_QUEUE, async () => undefined, {
    connection,
    prefix: process.env.REDIS_PREFIX,
    concurrency: CONCURRENCY,
  });
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  if (process.argv.includes('--bare')) return bareWorker();
  pinSelf(1);

  const database = await benchDatabase('notifications');
  const dbName = database.name;
  const prefix = 'bench_notifications';
  const databaseUrl = database.url;
  const redisPort = await freePort();
  const redisServer = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const children: ChildProcess[] = [redisServer];
  let dataSource: DataSource | undefined;
  let redis: Redis | undefined;
  try {
    await sleep(300);
    redis = new Redis({ port: redisPort, host: '127.0.0.1', maxRetriesPerRequest: null });
    const driverOptions = dataSourceOptions(databaseUrl);
    dataSource = await new DataSource({
      ...driverOptions,
      extra: { ...driverOptions.extra, application_name: DRIVER_APPLICATION_NAME },
      entities: [],
    }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role)
       SELECT 'bench-' || i || '@example.org', 'not-a-hash', 'MENTOR' FROM generate_series(1, $1) AS i RETURNING id`,
      [RECIPIENTS],
    );
    const userIds = users.map((user) => user.id);

    // Ours: the worker app as deployed, in-app only (no SMTP_URL, no NOTIFY_API_KEY).
    const [command, args] = pin(0, process.execPath, [
      ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      '@swc-node/register',
      '-r',
      'tsconfig-paths/register',
      join(root, 'apps/worker/src/main.ts'),
    ]);
    const ours = spawn(command, args, {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-only-secret-bench-only-secret-0123',
        DATABASE_URL: databaseUrl,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_PREFIX: prefix,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        LOG_LEVEL: 'warn',
        SMTP_URL: '',
        NOTIFY_API_KEY: '',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(ours);

    /**
     * Writes `count` outbox rows and their pending state as `notify.enqueue` does, in transactions
     * of at most 500 (as the bare baseline adds its jobs 500 at a time), so relaying can start
     * while the rest are written; returns when all are committed.
     */
    let batch = 0;
    async function promise(count: number): Promise<string> {
      batch += 1;
      const tag = `b${batch}`;
      for (let from = 1; from <= count; from += 500) {
        await dataSource!.query(
          `WITH rows AS (
             INSERT INTO notification_outbox (kind, recipients, data, dedupe_key)
             SELECT 'mentor.registered',
                    jsonb_build_array(jsonb_build_object('userId', ($3::uuid[])[1 + (i % array_length($3::uuid[], 1))], 'audience', 'direct')),
                    '{}'::jsonb, $4 || ':' || i
             FROM generate_series($1::int, $2::int) AS i
             RETURNING id, created_at
           ),
           pending AS (
             INSERT INTO notification_outbox_pending (outbox_id, created_at) SELECT id, created_at FROM rows
           )
           SELECT count(*), pg_notify('notification_outbox', '') FROM rows`,
          [from, Math.min(count, from + 499), userIds, tag],
        );
      }
      return tag;
    }
    /**
     * Waits until nothing is left to relay or to deliver (no pending row); returns when (by
     * performance.now()) the last row was seen relayed.
     */
    async function drain(): Promise<number> {
      const deadline = Date.now() + 300_000;
      let relayedAt: number | undefined;
      for (;;) {
        if (Date.now() > deadline) throw new Error('our worker made no progress for 5 minutes');
        const [row]: { unrelayed: boolean; busy: boolean }[] = await dataSource!.query(
          `SELECT EXISTS (SELECT 1 FROM notification_outbox_pending WHERE relayed_at IS NULL) AS unrelayed,
                  EXISTS (SELECT 1 FROM notification_outbox_pending) AS busy`,
        );
        if (!row.unrelayed) relayedAt ??= performance.now();
        if (!row.busy) return relayedAt ?? performance.now();
        await sleep(50);
      }
    }

    /** Waits until every committed row has been relayed (queued). */
    async function relayed(): Promise<void> {
      const deadline = Date.now() + 300_000;
      for (;;) {
        if (Date.now() > deadline) throw new Error('our relay made no progress for 5 minutes');
        const [row]: { unrelayed: boolean }[] = await dataSource!.query(
          `SELECT EXISTS (SELECT 1 FROM notification_outbox_pending WHERE relayed_at IS NULL) AS unrelayed`,
        );
        if (!row.unrelayed) return;
        await sleep(50);
      }
    }
    const ourQueue = new Queue(QueueName.Notifications, {
      connection: { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: null },
      prefix,
    });
    const ourCpuSnapshot = async (): Promise<CpuSnapshot> => ({
      worker: processCpuSeconds(ours.pid!),
      ...(await serverCpuSeconds(redis!, dataSource!, dbName)),
    });
    const ourCpu = new CpuMeter(ourCpuSnapshot);
    /**
     * The worker alone: the rows are committed and relayed while the queue is paused, then the
     * clock runs from `resume` until every notification is delivered.
     */
    async function ourWorkerRound(count: number): Promise<number> {
      await ourQueue.pause();
      await promise(count);
      await relayed();
      await ourCpu.start();
      const started = performance.now();
      await ourQueue.resume();
      await drain();
      const rate = count / ((performance.now() - started) / 1000);
      await ourCpu.stop(count);
      return rate;
    }
    /** The whole pipeline: the clock runs from the first commit to the last delivery. */
    const relayRates: number[] = [];
    async function ourPipelineRound(count: number): Promise<number> {
      const started = performance.now();
      await promise(count);
      const relayedAt = await drain();
      relayRates.push(count / ((relayedAt - started) / 1000));
      return count / ((performance.now() - started) / 1000);
    }
    // As autovacuum would between bursts (this development server runs with autovacuum off).
    const vacuum = () =>
      dataSource!.query(
        'VACUUM (ANALYZE) notification_outbox, notification_outbox_pending, notifications',
      );

    process.stdout.write('warming up our worker...\n');
    await promise(WARM_UP);
    await drain();
    await sleep(500);
    const memoryBefore = await usedMemory(redis);
    const keysBefore = await keyMemory(redis, prefix);
    const commitsBefore = await commits(dataSource, dbName);
    const ourRates: number[] = [];
    const ourPipelineRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await vacuum();
      ourRates.push(await ourWorkerRound(PER_ROUND));
      await vacuum();
      ourPipelineRates.push(await ourPipelineRound(PER_ROUND));
      process.stdout.write(
        `  ours round ${round + 1}: worker ${ourRates.at(-1)!.toFixed(0)}/s, pipeline ${ourPipelineRates.at(-1)!.toFixed(0)}/s\n`,
      );
    }
    // Counted with a delay (statistics are flushed about every second), so with the drain's polls.
    await sleep(1500);
    const commitsPerJob =
      ((await commits(dataSource, dbName)) - commitsBefore) / (2 * ROUNDS * PER_ROUND);
    await sleep(1000);
    const memoryAfter = await usedMemory(redis);
    const keysAfter = await keyMemory(redis, prefix);
    const clients = /connected_clients:(\d+)/.exec(await redis.info('clients'))?.[1];
    const ourTotal = WARM_UP + 2 * ROUNDS * PER_ROUND;
    await ourQueue.close();

    // Latency, one notification at a time (commit -> in-app), from the rows' timestamps.
    const latencyTags: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      latencyTags.push(await promise(1));
      await drain();
    }
    const latencies: { total_ms: number }[] = await dataSource.query(
      `SELECT extract(epoch FROM n.created_at - o.created_at) * 1000 AS total_ms
       FROM notification_outbox o JOIN notifications n ON n.outbox_id = o.id
       WHERE o.dedupe_key = ANY($1::text[])`,
      [latencyTags.map((tag) => `${tag}:1`)],
    );
    const totalMs = latencies.map((l) => Number(l.total_ms)).sort((a, b) => a - b);

    const plans = await explainHotQueries(dataSource, userIds);
    await stopProcess(ours);

    // Baseline: a bare BullMQ worker, same concurrency and the same job options.
    const [bareCommand, bareArgs] = pin(0, process.execPath, [
      '-r',
      '@swc-node/register',
      '-r',
      'tsconfig-paths/register',
      join(root, 'bench/notifications.ts'),
      '--bare',
    ]);
    const bare = spawn(bareCommand, bareArgs, {
      cwd: root,
      env: {
        ...process.env,
        BENCH_REDIS_PORT: String(redisPort),
        REDIS_PREFIX: prefix,
        BENCH_CONCURRENCY: String(CONCURRENCY),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(bare);
    await new Promise<void>((resolve) =>
      bare.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()),
    );
    const queue = new Queue(BARE_QUEUE, {
      connection: { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: null },
      prefix,
      defaultJobOptions: defaultJobOptions({ backoffDelayMs: 10_000 }),
      streams: { events: { maxLen: EVENTS_STREAM_MAX_LENGTH } },
    });
    async function addAll(count: number): Promise<void> {
      for (let i = 0; i < count; i += 500) {
        const size = Math.min(500, count - i);
        await queue.addBulk(
          Array.from({ length: size }, (_, j) => ({
            name: 'notification.deliver',
            data: { v: 1, outboxId: `x${i + j}` },
          })),
        );
      }
    }
    async function bareDrained(): Promise<void> {
      const deadline = Date.now() + 300_000;
      for (;;) {
        if (Date.now() > deadline)
          throw new Error('the bare worker made no progress for 5 minutes');
        const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).every((n) => n === 0)) return;
        await sleep(50);
      }
    }
    const bareCpuSnapshot = async (): Promise<CpuSnapshot> => ({
      worker: processCpuSeconds(bare.pid!),
      ...(await serverCpuSeconds(redis!, dataSource!, dbName)),
      postgres: 0,
    });
    const bareCpu = new CpuMeter(bareCpuSnapshot);
    /** As ourWorkerRound: the jobs are added while the queue is paused, the clock runs from `resume`. */
    async function bareWorkerRound(count: number): Promise<number> {
      await queue.pause();
      await addAll(count);
      await bareCpu.start();
      const started = performance.now();
      await queue.resume();
      await bareDrained();
      const rate = count / ((performance.now() - started) / 1000);
      await bareCpu.stop(count);
      return rate;
    }
    /** As ourPipelineRound: this driver adds the jobs 500 at a time while the worker takes them. */
    let adderUs = 0;
    async function barePipelineRound(count: number): Promise<number> {
      const adderCpuBefore = process.cpuUsage();
      const started = performance.now();
      await addAll(count);
      await bareDrained();
      const rate = count / ((performance.now() - started) / 1000);
      const adderCpu = process.cpuUsage(adderCpuBefore);
      adderUs += (adderCpu.user + adderCpu.system) / (ROUNDS * count);
      return rate;
    }
    await barePipelineRound(WARM_UP);
    adderUs = 0;
    const bareMemoryBefore = await usedMemory(redis);
    const bareRates: number[] = [];
    const barePipelineRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRates.push(await bareWorkerRound(PER_ROUND));
      barePipelineRates.push(await barePipelineRound(PER_ROUND));
      process.stdout.write(
        `  bare round ${round + 1}: worker ${bareRates.at(-1)!.toFixed(0)}/s, pipeline ${barePipelineRates.at(-1)!.toFixed(0)}/s\n`,
      );
    }
    await sleep(1000);
    const bareMemoryAfter = await usedMemory(redis);
    await queue.close();
    await stopProcess(bare);

    const ourMedian = median(ourRates);
    const bareMedian = median(bareRates);
    const ourPipeline = median(ourPipelineRates);
    const barePipeline = median(barePipelineRates);
    const ourCpuPerJob = ourCpu.perJob();
    const bareCpuPerJob = bareCpu.perJob();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    const growth = (after: number, before: number) =>
      `${(((after - before) / before) * 100).toFixed(1)}%`;
    const rates = (list: number[]) => list.map((r) => r.toFixed(0)).join(', ');
    const us = (n: number) => (Number.isNaN(n) ? '?' : n.toFixed(0));
    console.log(`\n${plans}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (1, 5, 15 min)`,
    );
    console.log(
      `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; concurrency ${CONCURRENCY}; ${ROUNDS} rounds of ${PER_ROUND} each way; removeOnComplete true, removeOnFail ${JSON.stringify(FAILED_JOBS_KEPT)}`,
    );
    console.log('');
    console.log('| measure | ours (in-app) | bare BullMQ |');
    console.log('|---|---|---|');
    console.log(
      `| worker: queued jobs done per second, per round | ${rates(ourRates)} | ${rates(bareRates)} |`,
    );
    console.log(`| worker: median (/s) | ${ourMedian.toFixed(0)} | ${bareMedian.toFixed(0)} |`);
    console.log(
      `| worker: CPU per job, worker process (µs) | ${us(ourCpuPerJob.worker)} | ${us(bareCpuPerJob.worker)} |`,
    );
    console.log(
      `| worker: CPU per job, Redis (µs) | ${us(ourCpuPerJob.redis)} | ${us(bareCpuPerJob.redis)} |`,
    );
    console.log(
      `| worker: CPU per job, PostgreSQL backends (µs) | ${us(ourCpuPerJob.postgres)} | ${us(bareCpuPerJob.postgres)} |`,
    );
    console.log(
      `| pipeline: committed (ours) or added (bare) to done, per round (/s) | ${rates(ourPipelineRates)} | ${rates(barePipelineRates)} |`,
    );
    console.log(
      `| pipeline: median (/s) | ${ourPipeline.toFixed(0)} | ${barePipeline.toFixed(0)} |`,
    );
    console.log(
      `| pipeline: who adds the jobs | the relay, in the worker process (${rates(relayRates)}/s) | this driver, on the other core (${us(adderUs)} µs CPU per job) |`,
    );
    console.log(
      `| PostgreSQL transactions per job (the driver's polls included) | ${commitsPerJob.toFixed(3)} | |`,
    );
    console.log(
      `| Redis used_memory before -> after | ${kb(memoryBefore)} -> ${kb(memoryAfter)} (${growth(memoryAfter, memoryBefore)}) after ${ourTotal} | ${kb(bareMemoryBefore)} -> ${kb(bareMemoryAfter)} (${growth(bareMemoryAfter, bareMemoryBefore)}) |`,
    );
    console.log(
      `| commit -> in-app row, one at a time (ms) | p50 ${percentile(totalMs, 50).toFixed(1)}, p95 ${percentile(totalMs, 95).toFixed(1)} | |`,
    );
    console.log('');
    console.log(
      `ratio ours/bare, worker (median): ${(ourMedian / bareMedian).toFixed(2)} (target >= 0.6); ours ${ourMedian.toFixed(0)} notifications/s (target >= 1000)`,
    );
    console.log(
      `ratio ours/bare, pipeline (median): ${(ourPipeline / barePipeline).toFixed(2)} (ours includes relaying in the worker process; the bare jobs are added from the other core)`,
    );
    console.log(
      `  where: ${keyMemoryChanges(keysBefore, keysAfter)}; ${clients} clients connected`,
    );
    console.log(
      `Redis used_memory after ${ourTotal} notifications: ${growth(memoryAfter, memoryBefore)} of before (target within 10%)`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    redis?.disconnect();
    await dataSource?.destroy();
    await database.drop();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the worker's and the API's hot queries, on the benchmark's data. */
async function explainHotQueries(dataSource: DataSource, userIds: string[]): Promise<string> {
  const latest: { id: string; user_id: string }[] = await dataSource.query(
    `SELECT id, recipients -> 0 ->> 'userId' AS user_id FROM notification_outbox ORDER BY created_at DESC LIMIT 50`,
  );
  const outboxIds = latest.map((row) => row.id);
  const queries: [string, string, unknown[]][] = [
    [
      'relay: claim and mark unrelayed rows (the pending table holds only unfinished work)',
      `WITH claimed AS (
         UPDATE notification_outbox_pending p SET relayed_at = now()
         FROM notification_outbox o
         WHERE o.id = p.outbox_id
           AND p.outbox_id IN (SELECT outbox_id FROM notification_outbox_pending WHERE relayed_at IS NULL
                               ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED)
         RETURNING p.outbox_id AS id, p.round, p.created_at,
                   json_build_array(o.kind, o.data, o.recipients)::text AS content
       )
       SELECT id, round, content FROM claimed ORDER BY created_at`,
      [],
    ],
    [
      'delivery job: write a batch of 50 in-app notifications and finish their rows (here all repeats)',
      RECORD_IN_APP_SQL,
      [
        outboxIds,
        latest.map((row) => row.user_id),
        outboxIds.map(() => 'mentor.registered'),
        outboxIds.map(() => 'Welcome to Resettle Match'),
        outboxIds.map(() => 'Thank you for applying to be a volunteer mentor.'),
        outboxIds,
        outboxIds.map(() => 0),
      ],
    ],
    [
      'delivery job, only with email/SMS configured or a row not relayed by this process: load a batch',
      LOAD_CONTEXTS_SQL,
      [outboxIds],
    ],
    [
      'daily purge: finished rows older than the retention period (here: all)',
      `DELETE FROM notification_outbox WHERE id IN (
         SELECT o.id FROM notification_outbox o
         WHERE o.created_at < now()
           AND NOT EXISTS (SELECT 1 FROM notification_outbox_pending p WHERE p.outbox_id = o.id)
         LIMIT 1000)`,
      [],
    ],
    [
      'API: myNotifications (unread)',
      `SELECT id, kind, subject, body, created_at, read_at FROM notifications
       WHERE user_id = $1 AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 50`,
      [userIds[0]],
    ],
  ];
  const out: string[] = [];
  for (const [title, sql, params] of queries) {
    // Rolled back: the writes are explained, not done.
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const rows: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      out.push(`-- ${title}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  return out.join('\n\n');
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
