import { AuditService, AuthUser, Clock, DomainError, isIsoDate } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchStatus } from '../matches/match-status';
import { MatchRepository } from '../matches/match.repository';
import { LogSessionInput } from './dto/log-session.input';
import { MatchPartiesReader } from './match-parties';
import { MentoringSessionEntity } from './mentoring-session.entity';
import { sessionDateProblem } from './relationship-rules';
import { RelationshipRepository } from './relationship.repository';

/**
 * logSession: the mentor or a coordinator records a session of an accepted match (the referral
 * MATCHED or ACTIVE). The note is kept with the session and goes nowhere else: not in the
 * response, the audit details or the logs.
 */
@Injectable()
export class LogSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: MatchPartiesReader,
    private readonly matches: MatchRepository,
    private readonly sessions: RelationshipRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, input: LogSessionInput): Promise<MentoringSessionEntity> {
    if (!isIsoDate(input.date)) throw DomainError.badInput('input.date', 'must be a real date');
    const note = input.note?.trim() || null;
    await this.parties.forActor(actor, input.matchId);

    return this.dataSource.transaction(async (manager) => {
      // Locked so a session cannot be logged on a match that is being ended at the same moment.
      const match = await this.matches.lockById(manager, input.matchId);
      if (!match) throw DomainError.notFound('Match');
      if (match.status !== MatchStatus.ACCEPTED) {
        throw DomainError.conflict(
          `Sessions are logged on an accepted match (this one is ${match.status})`,
        );
      }
      const acceptedOn = (match.respondedAt ?? match.proposedAt).toISOString().slice(0, 10);
      const problem = sessionDateProblem(input.date, this.clock.today(), acceptedOn);
      if (problem) throw DomainError.badInput('input.date', problem);
      const session = await this.sessions.insertSession(manager, {
        matchId: match.id,
        date: input.date,
        minutes: input.minutes,
        pathways: input.pathways,
        note,
        loggedBy: actor.id,
      });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'session.logged',
        entityType: 'match',
        entityId: match.id,
        details: { sessionId: session.id, hasNote: note !== null },
      });
      return session;
    });
  }
}
