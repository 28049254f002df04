import { AuditService, Clock } from '@app/core';
import { NotifyService } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReleaseDayRepository } from './release-day.repository';
import {
  RELEASE_REMINDER_DAYS,
  releaseReminderDue,
  releaseReminderKey,
} from './release-reminder-policy';

export interface ReleaseDaySweep {
  activated: number;
  reminded: number;
}

/**
 * The daily release-day sweep: MATCHED referrals whose release date has come become ACTIVE
 * (audited), and mentors of MATCHED referrals are reminded 7 days and 1 day before release. It
 * works from the clock and the database only, so a run that comes late, or twice, does the right
 * thing: activation catches up, and each reminder has a dedupe key (match, release date,
 * threshold), so it is sent once per date; a changed release date starts a new set, and the old
 * date is never reminded of again because the sweep only reads the current one.
 */
@Injectable()
export class ReleaseDay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly releaseDays: ReleaseDayRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<ReleaseDaySweep> {
    const today = this.clock.today();
    const activated = await this.dataSource.transaction(async (manager) => {
      const rows = await this.releaseDays.activateDue(manager, today);
      for (const row of rows) await this.recordActivation(manager, row.id, row.releaseDate, today);
      return rows.length;
    });

    let reminded = 0;
    for (const due of await this.releaseDays.remindersDue(
      today,
      Math.max(...RELEASE_REMINDER_DAYS),
    )) {
      const threshold = releaseReminderDue(due.daysLeft);
      if (threshold === null) continue;
      const sent = await this.dataSource.transaction(async (manager) => {
        if (!(await this.releaseDays.stillDue(manager, due.referralId, due.releaseDate)))
          return null;
        return this.notify.enqueue(manager, {
          kind: 'match.release_reminder',
          recipients: [{ userId: due.mentorUserId }],
          data: {
            matchId: due.matchId,
            schemeName: due.schemeName,
            releaseDate: due.releaseDate,
            daysBefore: threshold,
            daysLeft: due.daysLeft,
            meetAtGate: due.throughTheGate,
            prisonName: due.prisonName,
          },
          dedupeKey: releaseReminderKey(due.matchId, due.releaseDate, threshold),
        });
      });
      if (sent) reminded += 1;
    }
    return { activated, reminded };
  }

  /**
   * The audit of a referral becoming ACTIVE on its release date (by the sweep, a date change, or
   * a mentor accepting once the person is out).
   */
  recordActivation(
    manager: EntityManager,
    referralId: string,
    releaseDate: string,
    today: string,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: null,
      action: 'referral.activated',
      entityType: 'referral',
      entityId: referralId,
      details: { releaseDate, on: today },
    });
  }
}
