import { DomainError, ErrorCode, REDIS } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';

const WINDOW_SECONDS = 60;

/**
 * Counts failed logins per email and per client address in Redis (shared by every API replica).
 * Once either has reached the limit within a minute, further attempts are RATE_LIMITED.
 */
@Injectable()
export class LoginThrottleService {
  private readonly limit: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService,
  ) {
    this.limit = Number(config.get('LOGIN_FAILURES_PER_MINUTE') ?? 5);
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const counts = await this.redis.mget(this.keys(email, ip));
    if (counts.some((count) => Number(count ?? 0) >= this.limit)) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-in attempts; try again in a minute');
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const pipeline = this.redis.multi();
    for (const key of this.keys(email, ip)) pipeline.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    await pipeline.exec();
  }

  /** Emails are hashed so the Redis keys hold no personal data. */
  private keys(email: string, ip: string): string[] {
    const emailHash = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return [`login-fail:email:${emailHash}`, `login-fail:ip:${ip}`];
  }
}
