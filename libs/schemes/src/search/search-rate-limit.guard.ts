import { countInFixedWindow, DomainError, ErrorCode, REDIS, RequestContext } from '@app/core';
import { CanActivate, ExecutionContext, Injectable, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GqlExecutionContext } from '@nestjs/graphql';
import Redis from 'ioredis';

const WINDOW_SECONDS = 60;
export const DEFAULT_SEARCHES_PER_MINUTE = 120;

/** SEARCH_RATE_LIMIT_PER_MINUTE, a positive integer; read once at start-up. */
export function searchLimitFrom(config: ConfigService): number {
  const raw = config.get<string | number>('SEARCH_RATE_LIMIT_PER_MINUTE');
  if (raw === undefined || raw === '') return DEFAULT_SEARCHES_PER_MINUTE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(
      'Invalid configuration: SEARCH_RATE_LIMIT_PER_MINUTE must be a positive integer',
    );
  }
  return limit;
}

/**
 * Searches per user per minute, counted in Redis (shared by every API replica) in a fixed window:
 * past the limit the search is RATE_LIMITED until the window ends. Runs after the global RolesGuard,
 * so there is always a user.
 */
@Injectable()
export class SearchRateLimitGuard implements CanActivate {
  private readonly limit: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: ConfigService,
  ) {
    this.limit = searchLimitFrom(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = GqlExecutionContext.create(context).getContext<RequestContext>().user;
    if (!user) throw DomainError.unauthenticated();
    const { count, secondsLeft } = await countInFixedWindow(
      this.redis,
      `search-rate:${user.id}`,
      WINDOW_SECONDS,
    );
    if (count > this.limit) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `Too many searches: at most ${this.limit} a minute; try again in ${secondsLeft} s`,
      );
    }
    return true;
  }
}
