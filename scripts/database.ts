import { Client } from 'pg';

/**
 * `npm run ts -- scripts/database.ts create|drop [url]`: creates the database of DATABASE_URL (or
 * the given URL) when it is missing, or drops it. Used by the demo and by CI's scratch database.
 */
async function main(): Promise<void> {
  const [action, given] = process.argv.slice(2);
  const url = new URL(
    given ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/resettle',
  );
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name "${name}"`);
  url.pathname = '/postgres';
  const server = new Client({ connectionString: url.toString() });
  await server.connect();
  try {
    if (action === 'create') {
      const { rowCount } = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (rowCount === 0) await server.query(`CREATE DATABASE "${name}"`);
      console.log(rowCount === 0 ? `database ${name} created` : `database ${name} exists`);
    } else if (action === 'drop') {
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      console.log(`database ${name} dropped`);
    } else {
      throw new Error('usage: scripts/database.ts create|drop [postgres://...]');
    }
  } finally {
    await server.end();
  }
}

main().catch((error: Error) => {
  console.error(`database: ${error.message}`);
  process.exit(1);
});
