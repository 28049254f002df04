import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueues } from './job-queues.service';
import { QueueWorkers } from './queue-workers.service';
import { WorkerHeartbeat } from './worker-heartbeat';

/** Producers: inject `JobQueues` to add type-checked jobs (the outbox relay does). */
@Global()
@Module({ providers: [JobQueues], exports: [JobQueues] })
export class QueueModule {}

/**
 * Consumers (apps/worker only): runs every `@JobHandler` after checking each job has exactly one,
 * and beats a heartbeat the API's /health/worker reads.
 */
@Module({ imports: [DiscoveryModule], providers: [QueueWorkers, WorkerHeartbeat] })
export class QueueWorkerModule {}
