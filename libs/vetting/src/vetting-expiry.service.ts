import { AuditService, Clock } from '@app/core';
import { NotifyService } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REMINDER_DAYS, reminderDue } from './recheck-policy';
import { VettingCheckRepository } from './vetting-check.repository';

export interface ExpirySweep {
  expired: number;
  reminded: number;
}

/**
 * The daily re-check sweep: checks whose re-check date has passed become EXPIRED (audited; the
 * date itself is the last day a check counts), and the organisation's coordinators are reminded
 * 60, 30 and 7 days before (a missed 7-day reminder still goes on the date itself). Each reminder
 * has a dedupe key (check, re-check date, threshold), so running twice sends nothing more; running
 * late sends the reminder for the threshold reached, not the ones already past. A renewal moves the
 * re-check date, which starts a new set of reminders.
 */
@Injectable()
export class VettingExpiry {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<ExpirySweep> {
    const today = this.clock.today();
    const expired = await this.dataSource.transaction(async (manager) => {
      const rows = await this.checks.expireDue(manager, today);
      for (const row of rows) {
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'vetting.check_expired',
          entityType: 'vetting_check',
          entityId: row.id,
          details: { volunteerId: row.volunteerId, kind: row.kind, on: today },
        });
      }
      return rows.length;
    });

    let reminded = 0;
    for (const due of await this.checks.recheckDue(today, Math.max(...REMINDER_DAYS))) {
      const threshold = reminderDue(due.daysLeft);
      if (threshold === null) continue;
      const sent = await this.dataSource.transaction(async (manager) => {
        // A renewal may have committed since the list was read: remind only of a date still due.
        if (!(await this.checks.stillDueForRecheck(manager, due.id, due.expiresOn))) return null;
        return this.notify.enqueue(manager, {
          kind: 'vetting.expiring',
          recipients: [{ coordinatorsOf: due.organisationId }],
          data: {
            kind: due.kind,
            expiresOn: due.expiresOn,
            daysBefore: threshold,
            daysLeft: due.daysLeft,
          },
          dedupeKey: `vetting.expiring:${due.id}:${due.expiresOn}:${threshold}`,
        });
      });
      if (sent) reminded += 1;
    }
    return { expired, reminded };
  }
}
