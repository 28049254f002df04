import { Injectable } from '@nestjs/common';
import { OutboxContent } from '../notification-delivery.repository';

/** Enough for the jobs of many relay batches waiting in the queue; about 200 bytes each. */
const MAX_ROWS = 50_000;

/**
 * Outbox rows the relay of this process has just queued, so their delivery jobs, which usually run
 * in this same process moments later, need not read them back. Rows never change once written, so
 * an entry is never stale; a job that finds nothing (another replica relayed it, a retry, a
 * restart, an entry evicted) reads the database as before. Kept in memory only: nothing more than
 * the job id goes to Redis. Entries are JSON text, `[kind, data, recipients]`, parsed when taken:
 * thousands of strings waiting cost the garbage collector far less than their parsed objects.
 */
@Injectable()
export class OutboxRowCache {
  private readonly rows = new Map<string, string>();
  protected readonly maxRows: number = MAX_ROWS;

  /** Off when an email or SMS provider is configured: those jobs read the database anyway. */
  constructor(private readonly enabled = true) {}

  add(rows: readonly { id: string; content: string }[]): void {
    if (!this.enabled) return;
    for (const row of rows) this.rows.set(row.id, row.content);
    // A Map iterates in insertion order: the first entries are the oldest.
    for (const id of this.rows.keys()) {
      if (this.rows.size <= this.maxRows) break;
      this.rows.delete(id);
    }
  }

  /** The row, removed from the cache (a second attempt of the job reads the database). */
  take(id: string): OutboxContent | undefined {
    const content = this.rows.get(id);
    if (content === undefined) return undefined;
    this.rows.delete(id);
    const [kind, data, recipients] = JSON.parse(content) as [
      OutboxContent['kind'],
      OutboxContent['data'],
      OutboxContent['recipients'],
    ];
    return { id, kind, data, recipients };
  }
}
