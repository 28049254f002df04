import 'reflect-metadata';
import { validateEnvironment } from '@app/core';

/**
 * Runs the BullMQ processors. On SIGTERM Nest's shutdown hooks close the workers, which wait for
 * in-flight jobs to finish (or release them), then the database and Redis connections.
 */
async function main(): Promise<void> {
  try {
    validateEnvironment(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { WorkerModule } = await import('./worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('worker started');
}

void main();
