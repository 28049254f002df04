import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one TypeORM configuration, shared by the Nest app (TypeOrmModule), the migration CLI and the
 * scripts. Entities and migrations are found by file name so each domain library owns its own.
 */
export function dataSourceOptions(url = process.env.DATABASE_URL): DataSourceOptions {
  return {
    type: 'postgres',
    url: url || 'postgres://postgres@127.0.0.1:5432/resettle',
    entities: [join(__dirname, '../../../*/src/**/*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations/*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
  };
}

/** Used by `npm run migration:*` (TypeORM CLI). */
export default new DataSource(dataSourceOptions());
