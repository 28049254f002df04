import { dataSourceOptions } from '@app/core/database/data-source';
import { importGeography } from '@app/geo/geo-import';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { benchDatabase, machineLine, pinSelf, root, stopProcess } from './machinery';

const dataDir = process.env.BENCH_GEO_DIR ?? join(root, '..', 'shared', 'data');

export interface Bench {
  /** The bench's own database, migrated, with the geography from ../shared/data. */
  databaseUrl: string;
  db: DataSource;
  /** A raw `pg` connection to it, for the baselines. */
  client: Client;
  geo: Awaited<ReturnType<typeof importGeography>>;
  /** A child process (the API) to stop when the bench ends or is interrupted. */
  adopt(child: ChildProcess): void;
}

/**
 * What every database benchmark does around its own work: this driver on core 1, the database
 * `resettle_bench_<name>` made, migrated and given the geography, and everything stopped and
 * dropped at the end (or on Ctrl-C).
 */
export async function runBench(
  name: string,
  title: string,
  work: (bench: Bench) => Promise<void>,
): Promise<void> {
  pinSelf(1);
  const database = await benchDatabase(name);
  const children: ChildProcess[] = [];
  process.once('SIGINT', () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  });
  const db = await new DataSource(dataSourceOptions(database.url)).initialize();
  const client = new Client({ connectionString: database.url });
  try {
    console.log(machineLine(title));
    await db.runMigrations({ transaction: 'each' });
    const geo = await importGeography(db, dataDir);
    await client.connect();
    await work({
      databaseUrl: database.url,
      db,
      client,
      geo,
      adopt: (child) => children.push(child),
    });
  } finally {
    for (const child of children) await stopProcess(child);
    await client.end().catch(() => undefined);
    await db.destroy();
    await database.drop();
  }
}
