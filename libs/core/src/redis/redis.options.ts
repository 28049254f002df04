import { RedisOptions } from 'ioredis';

/** ioredis options from REDIS_URL. BullMQ workers need maxRetriesPerRequest null to block on queues. */
export function redisOptions(url: string, forWorker = false): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 3,
    enableOfflineQueue: forWorker,
  };
}
