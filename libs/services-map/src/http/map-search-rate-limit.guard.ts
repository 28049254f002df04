import { countInFixedWindow, REDIS, WindowCount, addressBucket } from '@app/core';
import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { publicError } from './public-errors';

const WINDOW_SECONDS = 60;

/**
 * Public map searches per client address (the proxy's X-Forwarded-For when TRUST_PROXY) per minute,
 * counted in Redis in a fixed window and shared by every API replica. Past the limit: 429 with
 * Retry-After and `{ error: { code: 'RATE_LIMITED' } }`. If Redis is away the search is allowed:
 * the limit protects the database, which the search itself then still needs.
 */
@Injectable()
export class MapSearchRateLimitGuard implements CanActivate {
  private readonly limit: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService,
  ) {
    this.limit = Number(config.getOrThrow('MAP_SEARCH_RATE_LIMIT_PER_MINUTE'));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    let window: WindowCount;
    try {
      window = await countInFixedWindow(
        this.redis,
        `map-search-rate:${addressBucket(request.ip)}`,
        WINDOW_SECONDS,
      );
    } catch {
      return true;
    }
    if (window.count > this.limit) {
      http.getResponse<FastifyReply>().header('retry-after', String(window.secondsLeft));
      throw publicError(
        HttpStatus.TOO_MANY_REQUESTS,
        'RATE_LIMITED',
        `Too many searches: at most ${this.limit} a minute; try again in ${window.secondsLeft} s`,
      );
    }
    return true;
  }
}
