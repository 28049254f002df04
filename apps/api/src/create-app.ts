import { requestIdOf } from '@app/core';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { trustProxySetting } from './trust-proxy';

/**
 * Builds the API on Fastify, ready to listen or to be driven by supertest. Shared by main.ts and
 * the e2e tests so both run exactly the same stack.
 */
export async function createApp(
  options: { logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      trustProxy: trustProxySetting(process.env.TRUST_PROXY),
      bodyLimit: 1_048_576,
      genReqId: requestIdOf,
    }),
    { bufferLogs: true, logger: options.logger === false ? false : undefined },
  );
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id);
      done();
    });
  await app.register(helmet, {
    // GraphiQL (outside production) loads its scripts inline; the API itself serves only JSON.
    contentSecurityPolicy: process.env.NODE_ENV === 'production' ? undefined : false,
  });
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
