import { DomainError, ErrorCode, REDIS, countInFixedWindow } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

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

/** An IPv4 dotted quad as two IPv6 groups (for `::ffff:1.2.3.4` and the like). */
function ipv4Groups(dotted: string): string[] {
  const [a, b, c, d] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/**
 * The client as a per-address limit counts it: an IPv4 address as it is, an IPv6 address by its
 * /64. One host (a home connection, a cloud server) is given a whole /64, so counting its 2^64
 * addresses apart would be no limit at all. An IPv4-mapped IPv6 address is its IPv4 address.
 */
export function addressBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const address = ip.split('%')[0].toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ipv4Groups(g) : [g]));
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const start = groups(head);
  const end = tail === null ? [] : groups(tail);
  const all = [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end];
  return `${all
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
