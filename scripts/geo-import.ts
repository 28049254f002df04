import { dataSourceOptions } from '@app/core/database/data-source';
import { importGeography } from '@app/geo/geo-import';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';

/** `npm run geo:import -- <dir>`: idempotent import of ../shared/data (or GEO_DATA_DIR). */
async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? process.env.GEO_DATA_DIR ?? '../shared/data');
  if (!existsSync(dir)) throw new Error(`no geography data at ${dir}; pass a directory or set GEO_DATA_DIR`);
  const dataSource = await new DataSource(dataSourceOptions()).initialize();
  try {
    const result = await importGeography(dataSource, dir);
    console.log(
      `geo import from ${dir}: ${result.localAuthorities} local authorities, ${result.outcodes} outcodes ` +
        `(${result.outcodesByNearestAuthority} placed by nearest authority), ${result.prisons} prisons`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`geo import failed: ${error.message}`);
  process.exit(1);
});
