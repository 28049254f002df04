import { Module, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';

/**
 * Paths pino blanks out wherever they appear: credentials, tokens, postcodes and the sensitive
 * fields of later modules. Request bodies (GraphQL variables) are never logged at all.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
  '*.postcode',
  '*.releasePostcode',
  '*.notes',
  '*.note',
  '*.personReference',
  '*.variables',
];

/**
 * The request id: the proxy's `x-request-id` when it is a plain token, a new UUID otherwise. Fastify
 * assigns it (`genReqId`), the request log carries it and the response echoes it.
 */
export function requestIdOf(req: {
  headers: Record<string, string | string[] | undefined>;
}): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Structured JSON logs: one line per request (method, path, status, time) under its request id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        pinoHttp: {
          level: config.get<string>('LOG_LEVEL') ?? 'info',
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url?.split('?')[0],
            }),
            // Not the headers: they can carry a session cookie (the queue dashboard's).
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
        // Every path, in NestJS 11+ route syntax (the library's default, `{/*splat}`, matches
        // nothing on Fastify here, so no request was logged).
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      }),
    }),
  ],
})
export class LoggingModule {}
