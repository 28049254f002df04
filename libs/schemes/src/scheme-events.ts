import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SchemeEventEntity } from './scheme-event.entity';

export const SCHEME_CHANGED = 'scheme.changed';

/** Payload of `scheme.changed`: ids only; consumers re-read the scheme. */
export interface SchemeChanged {
  schemeId: string;
  organisationId: string;
  change: 'created' | 'updated';
  /** Schema version of this payload. */
  version: 1;
}

/**
 * Where scheme changes are announced (the services map refreshes on them). Called once per change,
 * inside the transaction that made it, so the event exists exactly when the change committed.
 * Bind another implementation (the notifications outbox) in SchemesModule to re-route it.
 */
export abstract class SchemeEvents {
  abstract changed(manager: EntityManager, event: SchemeChanged): Promise<void>;
}

/** Default: an outbox row in `scheme_events`. */
@Injectable()
export class SchemeEventsTable extends SchemeEvents {
  async changed(manager: EntityManager, event: SchemeChanged): Promise<void> {
    await manager.insert(SchemeEventEntity, {
      kind: SCHEME_CHANGED,
      schemeId: event.schemeId,
      payload: { ...event },
    });
  }
}
