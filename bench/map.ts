import 'reflect-metadata';
import { Clock } from '@app/core/clock/clock';
import { dataSourceOptions } from '@app/core/database/data-source';
import { redisOptions } from '@app/core/redis/redis.options';
import { importGeography } from '@app/geo/geo-import';
import {
  MapSnapshotBuilder,
  MapSnapshotCache,
  MapSnapshotRepository,
  buildSnapshot,
} from '@app/services-map';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { places, seedSchemes } from './search';
import {
  freePort,
  machineLine,
  median,
  ms,
  pin,
  pinSelf,
  root,
  sleep,
  startApiProcess,
  stopProcess,
  summarise,
} from './support/machinery';

/*
 * The public services map at 10,000 schemes spread over England and Wales: (1) map.refresh — read
 * the active schemes, build the GeoJSON, hash, write the version row, publish to Redis — against the
 * 2 s target; (2) GET /map/services.geojson from the cache through the API (pinned to core 0)
 * against a bare node:http server on the same core returning the same bytes and headers, gzip (as
 * browsers ask) and identity. This driver runs on core 1. `npm run bench:map`.
 */

const SCHEMES = Number(process.env.BENCH_SCHEMES ?? 10_000);
const ROUNDS = 3;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4000);
const CONCURRENCY = 16;
const dataDir = process.env.BENCH_GEO_DIR ?? join(root, '..', 'shared', 'data');

interface Served {
  status: number;
  bytes: number;
}

class Getter {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  constructor(readonly port: number) {}

  get(path: string, encoding: 'gzip' | 'identity'): Promise<Served> {
    return new Promise((resolve, reject) => {
      const call = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          agent: this.agent,
          headers: { 'accept-encoding': encoding, accept: 'application/geo+json' },
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        },
      );
      call.on('error', reject);
      call.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A bare node:http server answering every request with the snapshot's bytes and headers. */
async function startBareServer(
  content: Buffer,
  etag: string,
): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const dir = tmpdir();
  const plain = join(dir, `bench-map-${process.pid}.json`);
  writeFileSync(plain, content);
  writeFileSync(`${plain}.gz`, gzipSync(content, { level: 9 }));
  const script = `
    const fs = require('node:fs');
    const plain = fs.readFileSync(process.argv[1]);
    const gz = fs.readFileSync(process.argv[1] + '.gz');
    require('node:http').createServer((req, res) => {
      const gzip = /gzip/.test(req.headers['accept-encoding'] || '');
      res.writeHead(200, {
        'content-type': 'application/geo+json; charset=utf-8',
        etag: process.argv[2],
        'cache-control': 'public, max-age=60, stale-while-revalidate=300',
        'access-control-allow-origin': '*',
        vary: 'Accept-Encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(gzip ? gz : plain);
    }).listen(Number(process.argv[3]), '127.0.0.1');`;
  const [command, args] = pin(0, process.execPath, ['-e', script, plain, etag, String(port)]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const getter = new Getter(port);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await getter.get('/', 'identity');
      getter.close();
      return { port, process: child };
    } catch (error) {
      if (attempt > 100) throw error;
      await sleep(50);
    }
  }
}

/** Runs `call` with CONCURRENCY in flight for `durationMs`; returns each call's latency. */
async function loadFor(durationMs: number, call: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await call();
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

/** Requests per second and latencies for GET path at CONCURRENCY, median of ROUNDS. */
async function throughput(
  port: number,
  path: string,
  encoding: 'gzip' | 'identity',
): Promise<{ rps: number; p50: number; p95: number; bytes: number }> {
  const getter = new Getter(port);
  let bytes = 0;
  const call = async () => {
    const served = await getter.get(path, encoding);
    if (served.status !== 200) throw new Error(`GET ${path}: HTTP ${served.status}`);
    bytes = served.bytes;
  };
  await loadFor(ROUND_MS / 4, call);
  const rounds: { rps: number; p50: number; p95: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    const samples = await loadFor(ROUND_MS, call);
    rounds.push({
      rps: samples.length / ((performance.now() - start) / 1000),
      ...summarise(samples),
    });
  }
  getter.close();
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    bytes,
  };
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisOptions(redisUrl));
  await once(redis, 'ready'); // the offline queue is off: a command before then would fail
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }))
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  await redis.quit();
}

async function main(): Promise<void> {
  pinSelf(1);
  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const name = 'resettle_bench_map';
  const databaseUrl = `${server}/${name}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench_map_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  const redis = new Redis({ ...redisOptions(redisUrl), keyPrefix: `${prefix}:` });
  const children: (ChildProcess | undefined)[] = [];
  try {
    console.log(machineLine('services map benchmark'));
    await db.runMigrations({ transaction: 'each' });
    await importGeography(db, dataDir);
    const all = await places(db);
    const organisations: string[] = (
      await db.query(
        `INSERT INTO organisations (name) SELECT 'Bench organisation ' || n FROM generate_series(1, 500) n RETURNING id`,
      )
    ).map((row: { id: string }) => row.id);
    await seedSchemes(db, 0, SCHEMES, all, organisations);
    console.log(`seeded ${SCHEMES} schemes over ${all.length} outcodes in England and Wales`);

    // (1) refresh: each round changes one scheme so a new version is really built and written.
    const repository = new MapSnapshotRepository(db);
    const builder = new MapSnapshotBuilder(
      repository,
      new MapSnapshotCache(redis, repository),
      new Clock(),
    );
    await builder.refresh();
    const refreshes: number[] = [];
    const parts = { read: [] as number[], build: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      await db.query(
        `UPDATE schemes SET name = 'Scheme renamed ' || $1 WHERE id = (SELECT id FROM schemes ORDER BY id LIMIT 1)`,
        [round],
      );
      let start = performance.now();
      const outcome = await builder.refresh();
      refreshes.push(performance.now() - start);
      if (!outcome.created) throw new Error('refresh did not build a new version');
      start = performance.now();
      const rows = await repository.activeSchemes();
      parts.read.push(performance.now() - start);
      start = performance.now();
      buildSnapshot(rows, new Date());
      parts.build.push(performance.now() - start);
    }
    const current = await new MapSnapshotCache(redis, repository).current();
    if (!current) throw new Error('no snapshot published');
    console.log(
      `snapshot: ${current.content.length.toLocaleString()} bytes, ${gzipSync(current.content, { level: 9 }).length.toLocaleString()} gzipped`,
    );

    // (2) serving from the cache, then the bare server with the same bytes.
    const api = await startApiProcess(
      {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        JWT_SECRET: randomBytes(32).toString('hex'),
      },
      async (port) => {
        const served = await new Getter(port).get('/map/services.geojson', 'identity');
        if (served.status !== 200) throw new Error(`HTTP ${served.status}`);
      },
    );
    children.push(api.process);
    const ours = {
      gzip: await throughput(api.port, '/map/services.geojson', 'gzip'),
      identity: await throughput(api.port, '/map/services.geojson', 'identity'),
    };
    await stopProcess(api.process);
    const bare = await startBareServer(current.content, `"${current.contentHash}"`);
    children.push(bare.process);
    const baseline = {
      gzip: await throughput(bare.port, '/', 'gzip'),
      identity: await throughput(bare.port, '/', 'identity'),
    };
    await stopProcess(bare.process);

    console.log('\n| measure | result |');
    console.log('|---|---|');
    console.log(
      `| map.refresh at ${SCHEMES} schemes (median of ${ROUNDS}; max) | ${ms(median(refreshes))}; ${ms(Math.max(...refreshes))} |`,
    );
    console.log(`| of which: read the schemes | ${ms(median(parts.read))} |`);
    console.log(`| of which: build GeoJSON + hash | ${ms(median(parts.build))} |`);
    for (const encoding of ['gzip', 'identity'] as const) {
      const row = (label: string, r: { rps: number; p50: number; p95: number; bytes: number }) =>
        console.log(
          `| ${label}, ${encoding} (${r.bytes.toLocaleString()} bytes), c=${CONCURRENCY} | ${r.rps.toFixed(0)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)} |`,
        );
      row('GET /map/services.geojson through the API', ours[encoding]);
      row('bare node:http, same bytes', baseline[encoding]);
    }
    console.log('\nratios (targets in brackets)');
    const refresh = Math.max(...refreshes);
    console.log(
      `  map.refresh, slowest of ${ROUNDS}: ${ms(refresh)} (≤ 2000 ms) ${refresh <= 2000 ? 'ok' : 'MISSED'}`,
    );
    for (const encoding of ['gzip', 'identity'] as const) {
      const ratio = ours[encoding].rps / baseline[encoding].rps;
      console.log(
        `  GeoJSON req/s ÷ bare node:http, ${encoding}: ${ratio.toFixed(2)} (≥ 0.5) ${ratio >= 0.5 ? 'ok' : 'MISSED'}`,
      );
    }
  } finally {
    for (const child of children) await stopProcess(child);
    await redis.quit().catch(() => undefined);
    await deleteKeys(redisUrl, prefix);
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
