import { DomainError, ErrorCode, REDIS, addressBucket, countInFixedWindow } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

const WINDOW_SECONDS = 3600;

/**
 * requestPasswordReset is public and sends email: per email (PASSWORD_RESETS_PER_EMAIL_PER_HOUR,
 * so nobody's inbox is flooded) and per client address (PASSWORD_RESETS_PER_ADDRESS_PER_HOUR, so
 * one client cannot walk through many emails) within an hour, shared by every API replica. Every
 * request counts, whether or not the email has an account: the limit itself reveals nothing. A
 * request its address may no longer make is refused before its email is counted. An IPv6 client
 * is counted by its /64 (addressBucket).
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

  /**
   * Counts this request, or refuses it (RATE_LIMITED). The address is counted first and a request
   * refused for its address is not counted against the email it names: otherwise one client over
   * its own budget could go on using up anyone's hourly requests, from a single address, and keep
   * them from ever getting a link.
   */
  async count(email: string, ip: string): Promise<void> {
    const byAddress = await countInFixedWindow(
      this.redis,
      `password-reset:ip:${addressBucket(ip)}`,
      WINDOW_SECONDS,
    );
    if (byAddress.count > this.perAddress) throw limited(byAddress.secondsLeft);
    // Hashed so the Redis keys hold no personal data.
    const emailHash = createHash('sha256').update(email).digest('hex').slice(0, 32);
    const byEmail = await countInFixedWindow(
      this.redis,
      `password-reset:email:${emailHash}`,
      WINDOW_SECONDS,
    );
    if (byEmail.count > this.perEmail) throw limited(byEmail.secondsLeft);
  }
}

function limited(secondsLeft: number): DomainError {
  return new DomainError(
    ErrorCode.RATE_LIMITED,
    `Too many password reset requests; try again in ${Math.ceil(secondsLeft / 60)} minutes`,
  );
}
