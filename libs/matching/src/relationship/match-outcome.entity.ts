import { BaseEntity, Pathway } from '@app/core';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MatchEntity } from '../matches/match.entity';
import { OutcomeStage } from './outcome-stage';

/** One rating per match, stage and pathway; re-recording a stage replaces its rows. */
export const ONE_RATING_PER_STAGE_INDEX = 'UQ_match_outcomes_match_stage_pathway';

/** A need pathway rated 1 (severe need) to 5 (no need) at the START or END of a match. */
@Entity('match_outcomes')
@Index(ONE_RATING_PER_STAGE_INDEX, ['matchId', 'stage', 'pathway'], { unique: true })
@Index(['stage', 'recordedAt'])
export class MatchOutcomeEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  matchId: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match?: MatchEntity;

  @Column({ type: 'varchar', length: 5 })
  stage: OutcomeStage;

  @Column({ type: 'varchar', length: 40 })
  pathway: Pathway;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'uuid' })
  recordedBy: string;

  /** When this stage was (last) recorded, by the platform's clock; the summary's date window. */
  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}
