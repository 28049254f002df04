import { Pathway } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatchOutcomeEntity } from './match-outcome.entity';
import { MentoringSessionEntity } from './mentoring-session.entity';
import { OutcomeStage } from './outcome-stage';

export type NewSession = Pick<
  MentoringSessionEntity,
  'matchId' | 'date' | 'minutes' | 'pathways' | 'note' | 'loggedBy'
>;

/** One pathway's line of the outcome summary, as PostgreSQL computed it. */
export interface PathwayOutcomeRow {
  pathway: Pathway;
  people: number;
  meanChange: number;
  improved: number;
}

/** Every query on mentoring sessions and outcome ratings. */
@Injectable()
export class RelationshipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insertSession(manager: EntityManager, values: NewSession): Promise<MentoringSessionEntity> {
    const repository = manager.getRepository(MentoringSessionEntity);
    return repository.save(repository.create(values));
  }

  /** Sessions of these matches, oldest first (Match.sessions, batched). */
  async sessionsForMatches(matchIds: readonly string[]): Promise<MentoringSessionEntity[]> {
    if (matchIds.length === 0) return [];
    return this.dataSource.getRepository(MentoringSessionEntity).find({
      where: { matchId: In([...matchIds]) },
      order: { date: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  hasStage(manager: EntityManager, matchId: string, stage: OutcomeStage): Promise<boolean> {
    return manager.getRepository(MatchOutcomeEntity).existsBy({ matchId, stage });
  }

  /** Replaces the stage's ratings of a match with these; call with the match row locked. */
  async replaceStage(
    manager: EntityManager,
    matchId: string,
    stage: OutcomeStage,
    ratings: readonly { pathway: Pathway; rating: number }[],
    recordedBy: string,
    recordedAt: Date,
  ): Promise<void> {
    const repository = manager.getRepository(MatchOutcomeEntity);
    await repository.delete({ matchId, stage });
    await repository.insert(
      ratings.map((rating) => ({ matchId, stage, ...rating, recordedBy, recordedAt })),
    );
  }

  /**
   * Per pathway, the people (referrals) of the organisation with a START and an END rating whose
   * latest END was recorded in [start, end): how many, the mean END − START (2 decimals) and how
   * many improved. A person re-matched after their mentor left counts once, from their first START
   * (whichever match it was on) to their latest END. Pathways in the enum's order; pathways with no
   * one are left out.
   */
  outcomeSummary(organisationId: string, start: Date, end: Date): Promise<PathwayOutcomeRow[]> {
    return this.dataSource.query(
      `WITH ratings AS (
         SELECT m.referral_id, o.pathway, o.stage, o.rating, o.recorded_at
           FROM match_outcomes o
           JOIN matches m ON m.id = o.match_id
           JOIN referrals r ON r.id = m.referral_id
          WHERE r.organisation_id = $1
       ), first_start AS (
         SELECT DISTINCT ON (referral_id, pathway) referral_id, pathway, rating
           FROM ratings WHERE stage = 'START'
          ORDER BY referral_id, pathway, recorded_at
       ), last_end AS (
         SELECT DISTINCT ON (referral_id, pathway) referral_id, pathway, rating, recorded_at
           FROM ratings WHERE stage = 'END'
          ORDER BY referral_id, pathway, recorded_at DESC
       )
       SELECT e.pathway,
              COUNT(*)::int AS people,
              ROUND(AVG(e.rating - s.rating)::numeric, 2)::float8 AS "meanChange",
              (COUNT(*) FILTER (WHERE e.rating > s.rating))::int AS improved
         FROM last_end e
         JOIN first_start s USING (referral_id, pathway)
        WHERE e.recorded_at >= $2 AND e.recorded_at < $3
        GROUP BY e.pathway
        ORDER BY array_position($4::text[], e.pathway::text)`,
      [organisationId, start, end, Object.values(Pathway)],
    );
  }

  async organisationExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM organisations WHERE id = $1',
      [id],
    );
    return rows.length > 0;
  }
}
