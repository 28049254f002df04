import { Global, Injectable, Module } from '@nestjs/common';

/** The platform's calendar: release dates, re-check dates and daily jobs are UK dates. */
export const UK_TIME_ZONE = 'Europe/London';

/** YYYY-MM-DD of an instant in UK time ('en-CA' writes dates in that order). */
const ukDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

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

  /**
   * Today's date in the UK, as YYYY-MM-DD: it turns over at UK midnight, an hour before UTC's in
   * summer, so a job run at 00:30 BST on a release day sees the release day.
   */
  today(): string {
    return ukDate.format(this.now());
  }

  /** Tests only: freeze time at `at` (or release it with null). */
  set(at: Date | string | null): void {
    this.fixed = at === null ? null : new Date(at);
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
