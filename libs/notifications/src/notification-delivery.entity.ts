import { UserEntity } from '@app/auth/user.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Channel } from './channels/channel';
import { NotificationOutboxEntity } from './notification-outbox.entity';

export enum DeliveryStatus {
  /** Tried and failed; the job will try again. */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Failed on the last attempt; waits for an ADMIN's retry. */
  FAILED = 'FAILED',
}

/**
 * The outcome of email or SMS for one recipient of one outbox row. The unique key is what makes
 * delivery exactly once per channel: a job that runs again skips what is DELIVERED (or FAILED).
 * In-app has no row here: the notification itself, unique per outbox row and person, is the record.
 */
@Entity('notification_deliveries')
@Index('notification_deliveries_once', ['outboxId', 'userId', 'channel'], { unique: true })
@Index('notification_deliveries_failed', ['updatedAt', 'id'], { where: "status = 'FAILED'" })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outboxId: string;

  @ManyToOne(() => NotificationOutboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: NotificationOutboxEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  channel: Channel;

  @Column({ type: 'varchar', length: 10 })
  status: DeliveryStatus;

  /** Failed attempts so far (reset by an admin retry). */
  @Column({ type: 'smallint', default: 0 })
  failures: number;

  /** The provider's last error, shortened; never message content. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
