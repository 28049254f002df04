import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { NotificationOutboxEntity } from './notification-outbox.entity';

/**
 * Where an unfinished outbox row stands, kept apart from the row itself so the relay and the
 * worker touch a few narrow bytes instead of rewriting the row (and its indexes) twice. Written
 * with the outbox row; `relayedAt` set when its job is queued; deleted when every channel of every
 * recipient is delivered or has failed for good. The table holds only work in progress.
 */
@Entity('notification_outbox_pending')
@Index('notification_outbox_pending_unrelayed', ['createdAt'], { where: 'relayed_at IS NULL' })
export class NotificationOutboxPendingEntity {
  @PrimaryColumn({ type: 'uuid' })
  outboxId: string;

  @ManyToOne(() => NotificationOutboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: NotificationOutboxEntity;

  /** The outbox row's round when this was written: the job id is `outboxJobId(outboxId, round)`. */
  @Column({ type: 'smallint', default: 0 })
  round: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;
}
