import { LoaderRegistry } from '@app/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { MentoringSessionObject } from './dto/mentoring-session.object';
import { RelationshipRepository } from './relationship.repository';

/** The loader behind Match.sessions: one query for all the matches of a request. */
export const SESSIONS_BY_MATCH = 'sessionsByMatch';

@Injectable()
export class SessionLoaders implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly sessions: RelationshipRepository,
  ) {}

  onModuleInit(): void {
    this.loaders.register(
      SESSIONS_BY_MATCH,
      () =>
        new DataLoader<string, MentoringSessionObject[]>(async (matchIds) => {
          const byMatch = new Map<string, MentoringSessionObject[]>(matchIds.map((id) => [id, []]));
          for (const row of await this.sessions.sessionsForMatches(matchIds))
            byMatch.get(row.matchId)?.push(MentoringSessionObject.from(row));
          return matchIds.map((id) => byMatch.get(id) ?? []);
        }),
    );
  }
}
