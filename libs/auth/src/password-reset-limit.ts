import { DomainError, ErrorCode, REDIS, countInFixedWindow } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

const WINDOW_SECONDS = 3600;

/**
 * requestPasswordReset is public and sends email: per email (PASSWORD_RESETS_PER_EMAIL_PER_HOUR,
 * so nobody's inbox is flooded) and per client address (PASSWORD_RESETS_PER_ADDRESS_PER_HOUR, so
 * one client cannot walk through many emails) within an hour, shared by every API replica. Every
 * request counts, whether or not the email has an account: the limit itself reveals nothing.
 */
@Injectable()
export class PasswordResetLimit {
  private readonly perEmail: number;
  private readonly perAddress: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService,
  ) {
    this.perEmail = Number(config.getOrThrow('PASSWORD_RESETS_PER_EMAIL_PER_HOUR'));
    this.perAddress = Number(config.getOrThrow('PASSWORD_RESETS_PER_ADDRESS_PER_HOUR'));
  }

  /** Counts this request, or refuses it (RATE_LIMITED). */
  async count(email: string, ip: string): Promise<void> {
    // Hashed so the Redis keys hold no personal data.
    const emailHash = createHash('sha256').update(email).digest('hex').slice(0, 32);
    const [byEmail, byAddress] = await Promise.all([
      countInFixedWindow(this.redis, `password-reset:email:${emailHash}`, WINDOW_SECONDS),
      countInFixedWindow(this.redis, `password-reset:ip:${ip}`, WINDOW_SECONDS),
    ]);
    const over = [
      byEmail.count > this.perEmail ? byEmail : null,
      byAddress.count > this.perAddress ? byAddress : null,
    ].filter((window) => window !== null);
    if (over.length > 0) {
      const minutes = Math.ceil(Math.max(...over.map((window) => window.secondsLeft)) / 60);
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many password reset requests; try again in ${minutes} minutes`,
      );
    }
  }
}
