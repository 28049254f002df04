import type Redis from 'ioredis';

/**
 * INCR and start the window's expiry atomically, in one round trip (a crash between two commands
 * would leave a key that never expires); answers the count and the seconds left in the window.
 */
const COUNT_IN_WINDOW = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('TTL', KEYS[1])}`;

export interface WindowCount {
  count: number;
  /** Seconds until the window ends (at least 1). */
  secondsLeft: number;
}

/** Counts one more hit on `key` in a fixed window of `windowSeconds`, shared by every replica. */
export async function countInFixedWindow(
  redis: Redis,
  key: string,
  windowSeconds: number,
): Promise<WindowCount> {
  const [count, ttl] = (await redis.eval(COUNT_IN_WINDOW, 1, key, windowSeconds)) as [
    number,
    number,
  ];
  return { count: Number(count), secondsLeft: Math.max(1, Number(ttl)) };
}
