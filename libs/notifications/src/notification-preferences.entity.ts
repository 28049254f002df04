import { UserEntity } from '@app/auth/user.entity';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How a person wants to hear from us. No row means the defaults: email on, text messages off.
 * In-app notifications are always on.
 */
@Entity('notification_preferences')
export class NotificationPreferencesEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: true })
  emailEnabled: boolean;

  @Column({ type: 'boolean', default: false })
  smsEnabled: boolean;

  /** A UK mobile number in E.164 (+447…). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phoneNumber: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
