import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Audience } from './templates/notification-template';

/** One person a notification is for, and in which capacity (it picks the wording). */
export interface OutboxRecipient {
  userId: string;
  audience: Audience;
}

/**
 * A notification promised by a committed change, written in the same transaction as the change.
 * It is never updated on the hot path: where it stands (waiting to be relayed, relayed, finished)
 * lives in the narrow `notification_outbox_pending` row, which exists until every channel of every
 * recipient has been delivered or has failed for good. `round` counts redrives and admin retries,
 * so each gets its own job id. Finished rows are purged after OUTBOX_RETENTION_DAYS.
 */
@Entity('notification_outbox')
export class NotificationOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** Resolved when the row is written (coordinators of an organisation at that moment). */
  @Column({ type: 'jsonb' })
  recipients: OutboxRecipient[];

  /** What the template needs; never sensitive (no offences, prison numbers, notes or postcodes). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** A second enqueue with the same key is ignored. */
  @Index('notification_outbox_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'smallint', default: 0 })
  round: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
