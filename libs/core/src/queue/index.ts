/** Queue and job names, and which queue carries each job. */
export * from './queue-names';
/** Typed, versioned job payloads. */
export * from './job-payloads';
/** House defaults: attempts, backoff, removal of finished jobs, Redis connection. */
export * from './job-options';
export * from './queue-settings';
/** `@JobHandler` and the interface a handler implements. */
export * from './job-handler';
/** Producer (`JobQueues`) and consumer (`QueueWorkers`). */
export * from './job-queues.service';
export * from './queue-workers.service';
export * from './queue.module';
/** Repeatable (cron) jobs registered at worker start. */
export * from './cron-schedules';
/** Which worker processes are running (for /health/worker). */
export * from './worker-heartbeat';
