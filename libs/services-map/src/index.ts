/** The public services map: HTTP (API) and the refresh job with its triggers (worker). */
export * from './services-map.module';
export * from './services-map-worker.module';
/** The snapshot table, for migrations and tools. */
export * from './map-snapshot.entity';
/** Builds and publishes a snapshot (the benchmark and tools call it directly). */
export * from './map-snapshot.builder';
export * from './map-snapshot.repository';
export * from './map-snapshot.cache';
export * from './jobs/map-refresh-triggers';
/** The pure snapshot and Open Referral UK mappings. */
export * from './snapshot/build-snapshot';
export * from './snapshot/map-source-row';
export * from './open-referral/oruk-service';
