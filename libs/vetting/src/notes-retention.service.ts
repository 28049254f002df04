import { AuditService, Clock } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VettingCheckRepository } from './vetting-check.repository';

const BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

/**
 * DBS Code of Practice: disclosure information used for a decision is kept no longer than needed.
 * Notes of DBS checks and conviction risk assessments are purged RETENTION_DISCLOSURE_DAYS (183,
 * about 6 months) after the decision, leaving the decision, who made it and when; each purge is
 * an audit event. Idempotent: a purged check has no notes left to purge.
 */
@Injectable()
export class NotesRetention {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.days = Number(config.getOrThrow('RETENTION_DISCLOSURE_DAYS'));
  }

  async purge(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.days * DAY_MS);
    let purged = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows = await this.checks.purgeNotes(manager, cutoff, now, BATCH);
        for (const row of rows) {
          await this.audit.record(manager, {
            actorUserId: null,
            action: 'vetting.notes_purged',
            entityType: 'vetting_check',
            entityId: row.id,
            details: { volunteerId: row.volunteerId, kind: row.kind, retentionDays: this.days },
          });
        }
        return rows.length;
      });
      purged += batch;
      if (batch < BATCH) return purged;
    }
  }
}
