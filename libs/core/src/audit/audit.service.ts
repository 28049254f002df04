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
    await manager.save(manager.create(AuditEventEntity, { ...event, details: event.details ?? {} }));
  }
}
