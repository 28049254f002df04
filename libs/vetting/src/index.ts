/** Vetting and barring: checks, clearance per scheme, the Update Service, and the rehabilitation period calculator. */
export * from './vetting.module';
/** The worker side: the daily re-check sweep and the notes purge (apps/worker). */
export * from './vetting-worker.module';
/** The services behind the jobs, for tests and tools that run them by hand. */
export * from './vetting-expiry.service';
export * from './notes-retention.service';
/** The job schedules (scheduler ids and time zone). */
export * from './jobs/vetting-schedules';
/** Clearance for a scheme on a day (matching asks it for a release date). */
export * from './clearance.service';
export * from './clearance';
/** Clearance as one SQL boolean, for statements over many volunteers (mentor suggestions). */
export * from './clearance.sql';
/** Re-check periods and reminder thresholds. */
export * from './recheck-policy';
/** The vetting_checks table and its queries. */
export * from './vetting-check.entity';
export * from './vetting-check.repository';
export * from './rehabilitation';
/** GraphQL types, for other libraries' fields that return them. */
export * from './dto/vetting-check.object';
export * from './dto/clearance.object';
export * from './dto/vetting-enums';
