import { AuditService, AuthUser, Clock, DomainError, ErrorCode, Pathway } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchStatus } from '../matches/match-status';
import { MatchEntity } from '../matches/match.entity';
import { MatchRepository } from '../matches/match.repository';
import { MatchPartiesReader } from './match-parties';
import { OutcomeStage } from './outcome-stage';
import { ratingProblems } from './relationship-rules';
import { RelationshipRepository } from './relationship.repository';

/** A match whose outcomes may be rated: running, or ended (the END rating often comes last). */
const RATEABLE: readonly MatchStatus[] = [MatchStatus.ACCEPTED, MatchStatus.ENDED];

/**
 * recordOutcome: the mentor or a coordinator rates the referral's need pathways 1–5 at the START
 * or the END of a match. Recording a stage again replaces that stage's ratings as a whole (the
 * latest assessment is the one that counts); END needs a START first, since distance travelled is
 * measured from it. Ratings describe a person's needs, so every recording is audited.
 */
@Injectable()
export class RecordOutcome {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: MatchPartiesReader,
    private readonly matches: MatchRepository,
    private readonly outcomes: RelationshipRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuthUser,
    matchId: string,
    stage: OutcomeStage,
    ratings: readonly { pathway: Pathway; rating: number }[],
  ): Promise<MatchEntity> {
    const { referral } = await this.parties.forActor(actor, matchId);
    const problems = ratingProblems(ratings, referral.needs);
    if (problems.length > 0) {
      const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: problems });
    }

    return this.dataSource.transaction(async (manager) => {
      // Locked so two recordings of one stage apply one after the other.
      const match = await this.matches.lockById(manager, matchId);
      if (!match) throw DomainError.notFound('Match');
      if (!RATEABLE.includes(match.status)) {
        throw DomainError.conflict(
          `Outcomes are recorded on an accepted match (this one is ${match.status})`,
        );
      }
      if (
        stage === OutcomeStage.END &&
        !(await this.outcomes.hasStage(manager, match.id, OutcomeStage.START))
      ) {
        throw DomainError.conflict('Record the START ratings before the END ones');
      }
      const ratedBy = ratings.map(({ pathway, rating }) => ({ pathway, rating }));
      await this.outcomes.replaceStage(
        manager,
        match.id,
        stage,
        ratedBy,
        actor.id,
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'match.outcome_recorded',
        entityType: 'match',
        entityId: match.id,
        details: { stage, pathways: ratedBy.map((rating) => rating.pathway) },
      });
      return match;
    });
  }
}
