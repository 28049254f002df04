import dataSource from '@app/core/database/data-source';

/** `npm run migration:run` / `migration:revert` against DATABASE_URL. */
async function main(): Promise<void> {
  const action = process.argv[2] ?? 'run';
  await dataSource.initialize();
  try {
    if (action === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(`migrations: ${applied.length} applied`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`migration failed: ${error.message}`);
  process.exit(1);
});
