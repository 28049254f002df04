import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, string | number | boolean | null | string[]>;
}

/** Writes audit events inside the caller's transaction, so an audited change and its record commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await manager.save(
      manager.create(AuditEventEntity, { ...event, details: event.details ?? {} }),
    );
  }

  /** Several events in one statement (the reads of a request's sensitive fields). */
  async recordMany(manager: EntityManager, events: readonly AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    await manager.save(
      events.map((event) =>
        manager.create(AuditEventEntity, { ...event, details: event.details ?? {} }),
      ),
    );
  }
}
