import { AuditService, AuthUser, Clock, DomainError, Role } from '@app/core';
import { NotifyService, RecipientSelector } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReleaseDayRepository } from '../release-day/release-day.repository';
import { ReleaseDay } from '../release-day/release-day.service';
import { canSeeReferral } from './referral-access';
import { OPEN_REFERRAL_STATUSES, ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';
import { checkReleaseDate } from './release-date';

/**
 * updateReleaseDate: release dates move (HDC, parole, recall); the referring prison (or an admin)
 * records the new one. Reminders keyed to the release date carry it in their dedupe key, so the
 * daily sweep plans the ones for the new date afresh and never reminds of the old one. The
 * organisation's coordinators and the mentor of the live match (proposed or accepted) are told of
 * the new date at once. A MATCHED referral whose date moves to today is released today: it becomes
 * ACTIVE at once rather than at the next morning's sweep. Setting the same date changes nothing.
 * Once the person is released (releasedOn set) the date never changes, whatever the status.
 */
@Injectable()
export class UpdateReleaseDate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly releaseDays: ReleaseDayRepository,
    private readonly releaseDay: ReleaseDay,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, id: string, releaseDate: string): Promise<ReferralEntity> {
    const found = await this.referrals.findById(id);
    if (!found || !canSeeReferral(actor, found)) throw DomainError.notFound('Referral');
    if (actor.role !== Role.ADMIN && actor.role !== Role.PRISON_STAFF) {
      throw DomainError.forbidden('Only the referring prison changes a release date');
    }
    const today = this.clock.today();
    checkReleaseDate(releaseDate, today, 'releaseDate');

    return this.dataSource.transaction(async (manager) => {
      const referral = await this.referrals.lockById(manager, id);
      if (!referral) throw DomainError.notFound('Referral');
      // Closed referrals are not re-planned.
      if (!OPEN_REFERRAL_STATUSES.includes(referral.status)) {
        throw DomainError.conflict(
          `The release date of a ${referral.status} referral cannot change`,
        );
      }
      // Once released the date is history, even if a departed mentor sent it back to ACCEPTED.
      if (referral.releasedOn !== null) {
        throw DomainError.conflict(
          `The release date of a released referral cannot change (released on ${referral.releasedOn})`,
        );
      }
      const previous = referral.releaseDate;
      if (previous === releaseDate) return referral;
      const releasedNow = referral.status === ReferralStatus.MATCHED && releaseDate <= today;
      const status = releasedNow ? ReferralStatus.ACTIVE : referral.status;
      const releasedOn = releasedNow ? releaseDate : null;
      await this.referrals.update(manager, referral.id, { releaseDate, status, releasedOn });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'referral.release_date_changed',
        entityType: 'referral',
        entityId: referral.id,
        details: { from: previous, to: releaseDate },
      });
      if (releasedNow) {
        await this.releaseDay.recordActivation(manager, referral.id, releaseDate, today);
      }

      const setting = await this.releaseDays.settingOf(manager, referral.id);
      const mentor = await this.releaseDays.liveMentorOf(manager, referral.id);
      const recipients: RecipientSelector[] = [{ coordinatorsOf: referral.organisationId }];
      if (mentor) recipients.push({ userId: mentor.mentorUserId });
      await this.notify.enqueue(manager, {
        kind: 'referral.release_date_changed',
        recipients,
        data: {
          referralId: referral.id,
          schemeName: setting?.schemeName ?? 'the scheme',
          releaseDate,
          meetAtGate: setting?.throughTheGate ?? false,
          prisonName: setting?.prisonName ?? null,
        },
        // One per change (never deduplicated); the key starts with kind and referral, as elsewhere.
        dedupeKey: `referral.release_date_changed:${referral.id}:${releaseDate}:${randomUUID()}`,
      });
      return Object.assign(referral, { releaseDate, status, releasedOn });
    });
  }
}
