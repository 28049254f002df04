import { DomainError, ErrorCode, REDIS, countInFixedWindow, addressBucket } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';

const WINDOW_SECONDS = 3600;

/**
 * Mentor registrations per client address per hour (shared by every API replica). registerMentor
 * is public, answers whether an email already has an account, and hashes a password each time: the
 * limit keeps it from being used to test many emails or to load the API.
 */
@Injectable()
export class RegistrationLimit {
  private readonly limit: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService,
  ) {
    this.limit = Number(config.getOrThrow('REGISTRATIONS_PER_ADDRESS_PER_HOUR'));
  }

  async count(ip: string): Promise<void> {
    const window = await countInFixedWindow(
      this.redis,
      `register:ip:${addressBucket(ip)}`,
      WINDOW_SECONDS,
    );
    if (window.count > this.limit) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many registrations from this address; try again in ${Math.ceil(window.secondsLeft / 60)} minutes`,
      );
    }
  }
}
