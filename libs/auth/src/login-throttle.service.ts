import { DomainError, ErrorCode, REDIS, countInFixedWindow, addressBucket } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

const WINDOW_SECONDS = 60;

/** Takes back one attempt from each key that still exists (a window that has ended stays gone). */
const RELEASE = `for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
end
return 0`;

/**
 * Limits failed logins per email and per client address in Redis (shared by every API replica).
 * Each attempt is counted before its password is checked, in one atomic step per key, so guesses
 * sent at the same moment cannot all pass a count they have not raised yet; an attempt over the
 * limit within the minute is RATE_LIMITED, and one that succeeds is taken back off the counts.
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

  /** Counts this attempt, or refuses it; call `succeeded` when the password was right. */
  async attempt(email: string, ip: string): Promise<{ succeeded: () => Promise<void> }> {
    const keys = this.keys(email, ip);
    const counts = await Promise.all(
      keys.map((key) => countInFixedWindow(this.redis, key, WINDOW_SECONDS)),
    );
    if (counts.some((window) => window.count > this.limit)) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        'Too many failed sign-in attempts; try again in a minute',
      );
    }
    return { succeeded: async () => void (await this.redis.eval(RELEASE, keys.length, ...keys)) };
  }

  /**
   * Clears the email's failed attempts (after its password was reset with an emailed link: whoever
   * locked it out by guessing no longer holds it back). The per-address count stays.
   */
  async forgetFailures(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]);
  }

  /** Emails are hashed so the Redis keys hold no personal data. */
  private keys(email: string, ip: string): string[] {
    const emailHash = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return [`login-fail:email:${emailHash}`, `login-fail:ip:${addressBucket(ip)}`];
  }
}
