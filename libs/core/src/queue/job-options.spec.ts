import { Job } from 'bullmq';
import { isLastAttempt } from './job-handler';
import { defaultJobOptions, FAILED_JOBS_KEPT } from './job-options';

describe('house job options', () => {
  it('retries 3 times with exponential backoff, removes completed jobs and keeps failed ones for a bounded time', () => {
    expect(defaultJobOptions({ backoffDelayMs: 250 })).toEqual({
      attempts: 3,
      backoff: { type: 'exponential', delay: 250 },
      removeOnComplete: true,
      removeOnFail: FAILED_JOBS_KEPT,
    });
    expect(FAILED_JOBS_KEPT.count).toBeGreaterThan(0);
    expect(FAILED_JOBS_KEPT.age).toBeGreaterThan(0);
  });

  it.each([
    [0, 3, false],
    [1, 3, false],
    [2, 3, true],
    [0, 1, true],
  ])('after %i failed attempts of %i, the next is the last: %s', (attemptsMade, attempts, last) => {
    expect(isLastAttempt({ attemptsMade, opts: { attempts } } as Job)).toBe(last);
  });
});
