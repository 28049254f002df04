import { AuditService, Clock } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VettingCheckRepository } from './vetting-check.repository';

const BATCH = 500;

/**
 * DBS Code of Practice: disclosure information used for a decision is kept no longer than needed.
 * Notes of DBS checks and conviction risk assessments are purged RETENTION_DISCLOSURE_MONTHS (6)
 * calendar months after the decision's UK date, on the first run that day, leaving the decision,
 * who made it and when; each purge is an audit event. Idempotent: a purged check has no notes left
 * to purge.
 */
@Injectable()
export class NotesRetention {
  private readonly months: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.months = Number(config.getOrThrow('RETENTION_DISCLOSURE_MONTHS'));
  }

  async purge(): Promise<number> {
    const now = this.clock.now();
    const today = this.clock.today();
    let purged = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows = await this.checks.purgeNotes(manager, this.months, today, now, BATCH);
        for (const row of rows) {
          await this.audit.record(manager, {
            actorUserId: null,
            action: 'vetting.notes_purged',
            entityType: 'vetting_check',
            entityId: row.id,
            details: { volunteerId: row.volunteerId, kind: row.kind, retentionMonths: this.months },
          });
        }
        return rows.length;
      });
      purged += batch;
      if (batch < BATCH) return purged;
    }
  }
}
