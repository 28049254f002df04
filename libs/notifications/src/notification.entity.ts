import { UserEntity } from '@app/auth/user.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * An in-app notification: what `myNotifications` lists. One per outbox row and recipient: the
 * unique key is what makes in-app delivery exactly once, so this row is its own delivery record.
 * `outboxId` has no foreign key on purpose: old outbox rows are purged, people's notifications stay.
 */
@Entity('notifications')
@Index('notifications_outbox_user', ['outboxId', 'userId'], { unique: true })
@Index('notifications_user_created', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
