import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The platform's idea of "now". Rules that depend on the date (expiry, spent convictions,
 * retention) ask this, so tests can move time instead of waiting.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Today's calendar date in UTC, as YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** Tests only: freeze time at `at` (or release it with null). */
  set(at: Date | string | null): void {
    this.fixed = at === null ? null : new Date(at);
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
