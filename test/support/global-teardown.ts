import Redis from 'ioredis';
import { Client } from 'pg';

/** Drops this run's database and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.TEST_RUN_ID;
  if (!run) return;
  const admin = new Client({ connectionString: `${process.env.TEST_DATABASE_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "resettle_test_${run}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.REDIS_URL as string);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
