import { dataSourceOptions } from '@app/core/database/data-source';
import { importGeography } from '@app/geo/geo-import';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { newRunEnvironment } from './test-env';

/** Creates this run's database, migrates it and loads the small geography fixture. */
export default async function globalSetup(): Promise<void> {
  const env = newRunEnvironment();
  Object.assign(process.env, env);
  const admin = new Client({ connectionString: `${env.TEST_DATABASE_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "resettle_test_${env.TEST_RUN_ID}"`);
  await admin.end();
  // No entities: loading them in this process would register the GraphQL types a second time when
  // Jest runs a single file in band ("Cannot determine a GraphQL output type").
  const dataSource = await new DataSource({ ...dataSourceOptions(env.DATABASE_URL), entities: [] }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await importGeography(dataSource, join(__dirname, '..', 'fixtures', 'geo'));
  await dataSource.destroy();
}
