import { REDIS } from '@app/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { MapSnapshotRepository } from './map-snapshot.repository';

/** Redis keys (under REDIS_PREFIX): the current snapshot's hash and its bytes. */
export const CURRENT_HASH_KEY = 'map:snapshot:hash';
export const CURRENT_CONTENT_KEY = 'map:snapshot:content';

const REDIS_TIMEOUT_MS = 300;
/** How long a snapshot read from Redis is served without asking Redis whether it is still current. */
export const SNAPSHOT_RECHECK_MS = 1000;
const gzipBytes = promisify(gzip);

/** The snapshot as HTTP serves it. */
export interface ServedSnapshot {
  contentHash: string;
  content: Buffer;
  /** Where it came from: the Redis cache, or PostgreSQL while Redis is away. */
  source: 'redis' | 'database';
}

/**
 * The current snapshot for HTTP. Redis holds the current one (written by the worker after each
 * build); each request asks Redis only for the small hash and keeps the bytes in memory until the
 * hash moves, so serving 5 MB costs one tiny GET. When Redis does not answer, the newest
 * PostgreSQL row is served instead (the same bytes and hash the worker cached).
 */
@Injectable()
export class MapSnapshotCache {
  private readonly logger = new Logger(MapSnapshotCache.name);
  private memory: ServedSnapshot | null = null;
  private checkedAt = 0;
  private compressed: { contentHash: string; bytes: Promise<Buffer> } | null = null;
  private lastWarning = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly snapshots: MapSnapshotRepository,
  ) {}

  /** Worker side: makes this snapshot the current one. */
  async publish(contentHash: string, content: string): Promise<void> {
    await this.redis
      .multi()
      .set(CURRENT_CONTENT_KEY, content)
      .set(CURRENT_HASH_KEY, contentHash)
      .exec();
  }

  async current(): Promise<ServedSnapshot | null> {
    // Busy moments share one look at Redis a second instead of one per request; a new version
    // shows at most a second late (clients cache it for a minute anyway).
    if (this.memory?.source === 'redis' && Date.now() - this.checkedAt < SNAPSHOT_RECHECK_MS) {
      return this.memory;
    }
    try {
      const found = await this.fromRedis();
      this.checkedAt = Date.now();
      return found;
    } catch (error) {
      this.warn(
        `Redis unavailable for the map snapshot (${(error as Error).message}); serving PostgreSQL`,
      );
      return this.fromDatabase();
    }
  }

  /**
   * The snapshot gzipped, made once per version and shared by every request: browsers ask for gzip,
   * and the GeoJSON of thousands of schemes shrinks about tenfold.
   */
  gzipped(snapshot: ServedSnapshot): Promise<Buffer> {
    if (this.compressed?.contentHash === snapshot.contentHash) return this.compressed.bytes;
    const bytes = gzipBytes(snapshot.content, { level: 9 });
    this.compressed = { contentHash: snapshot.contentHash, bytes };
    bytes.catch(() => {
      this.compressed = null;
    });
    return bytes;
  }

  private async fromRedis(): Promise<ServedSnapshot | null> {
    const hash = await withTimeout(this.redis.get(CURRENT_HASH_KEY), REDIS_TIMEOUT_MS);
    if (hash === null) return this.fromDatabase();
    if (this.memory?.contentHash === hash) {
      this.memory = { ...this.memory, source: 'redis' };
      return this.memory;
    }
    const content = await withTimeout(this.redis.getBuffer(CURRENT_CONTENT_KEY), REDIS_TIMEOUT_MS);
    if (content === null) return this.fromDatabase();
    this.memory = { contentHash: hash, content, source: 'redis' };
    return this.memory;
  }

  private async fromDatabase(): Promise<ServedSnapshot | null> {
    const head = await this.snapshots.latestHead();
    if (!head) return null;
    if (this.memory?.contentHash !== head.contentHash) {
      const row = await this.snapshots.latest();
      if (!row) return null;
      this.memory = {
        contentHash: row.contentHash,
        content: Buffer.from(row.content),
        source: 'database',
      };
    }
    return { ...this.memory!, source: 'database' };
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
