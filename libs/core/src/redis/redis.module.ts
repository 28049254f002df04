import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { redisOptions } from './redis.options';

export const REDIS = Symbol('REDIS');

/** Closes the shared Redis client when the app stops. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/** One ioredis client for counters and caches; every key is under `${REDIS_PREFIX}:`. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new Redis({
          ...redisOptions(config.getOrThrow<string>('REDIS_URL')),
          keyPrefix: `${config.getOrThrow<string>('REDIS_PREFIX')}:`,
          lazyConnect: false,
        }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
