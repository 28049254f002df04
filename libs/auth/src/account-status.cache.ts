import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountStatus, UserRepository } from './user.repository';

interface Entry {
  status: Promise<AccountStatus | null>;
  /** Measured from when the query was sent, so an entry is never older than the TTL. */
  expiresAt: number;
  pending: boolean;
}

/** Enough for every signed-in user of a deployment; past it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

/**
 * Each user's token version and disabled flag, read on every authenticated request, kept in this
 * process for AUTH_STATUS_CACHE_MS so a hot request path costs no query. Requests that miss for the
 * same user at once share one query. A change made by this process drops its entry at once
 * (`forget`); a change made by another API replica takes effect here when the entry expires, so
 * within AUTH_STATUS_CACHE_MS (10 s by default) on every replica.
 */
@Injectable()
export class AccountStatusCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    private readonly users: UserRepository,
    config: ConfigService,
  ) {
    this.ttlMs = Number(config.get('AUTH_STATUS_CACHE_MS') ?? 10_000);
  }

  /** The user's status, or null when there is no such user. */
  get(userId: string): Promise<AccountStatus | null> {
    const now = Date.now();
    const cached = this.entries.get(userId);
    if (cached && (cached.pending || cached.expiresAt > now)) return cached.status;

    const entry: Entry = {
      status: this.users.findStatus(userId),
      expiresAt: now + this.ttlMs,
      pending: true,
    };
    // Re-inserted at the end, so the Map's order is oldest first.
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    void entry.status.then(
      () => (entry.pending = false),
      // A failed query is not remembered: the next request asks again.
      () => this.entries.get(userId) === entry && this.entries.delete(userId),
    );
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.status;
  }

  /** Call after a change to the user's access has committed; a query already under way is not reused. */
  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
