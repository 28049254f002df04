import { BaseEntity, Pathway } from '@app/core';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MatchEntity } from '../matches/match.entity';

/** The longest session note kept; notes are free text about a person, so kept short. */
export const SESSION_NOTE_MAX_LENGTH = 2000;

/** One mentoring session of an accepted match, as the mentor or a coordinator logged it. */
@Entity('mentoring_sessions')
@Index(['matchId', 'date'])
export class MentoringSessionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  matchId: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match?: MatchEntity;

  /** The day the session took place (calendar date, UK practice: no time zone). */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'smallint' })
  minutes: number;

  @Column({ type: 'text', array: true })
  pathways: Pathway[];

  /** Sensitive free text about the person: stored, never logged, not in the GraphQL type. */
  @Column({ type: 'varchar', length: SESSION_NOTE_MAX_LENGTH, nullable: true })
  note: string | null;

  /** The user who logged it (the mentor, a coordinator or an admin). */
  @Column({ type: 'uuid' })
  loggedBy: string;
}
