import { BaseEntity } from '@app/core';
import { VolunteerProfileEntity } from '@app/volunteers';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ReferralEntity } from '../referrals/referral.entity';
import { MatchStatus } from './match-status';

/** At most one proposed or accepted match per referral, even under concurrent proposals. */
export const ONE_LIVE_MATCH_INDEX = 'UQ_matches_live_per_referral';

/** A mentor proposed for (and then accepting or declining) one referral. */
@Entity('matches')
@Index(ONE_LIVE_MATCH_INDEX, ['referralId'], {
  unique: true,
  where: `status IN ('PROPOSED', 'ACCEPTED')`,
})
@Index(['volunteerId', 'status'])
export class MatchEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => VolunteerProfileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: VolunteerProfileEntity;

  @Column({ type: 'varchar', length: 10 })
  status: MatchStatus;

  /** The suggestion score when proposed. */
  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'uuid' })
  proposedBy: string;

  @Column({ type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason: string | null;
}
