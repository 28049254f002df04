import { AuditService, AuthUser, Clock, DomainError, Role } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canSeeReferral } from './referral-access';
import { OPEN_REFERRAL_STATUSES, ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';
import { checkReleaseDate } from './release-date';

/**
 * updateReleaseDate: release dates move (HDC, parole, recall); the referring prison (or an admin)
 * records the new one. Reminders keyed to the release date carry it in their dedupe key, so the
 * ones for the new date are planned afresh and the old ones no longer match the referral.
 */
@Injectable()
export class UpdateReleaseDate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, id: string, releaseDate: string): Promise<ReferralEntity> {
    const found = await this.referrals.findById(id);
    if (!found || !canSeeReferral(actor, found)) throw DomainError.notFound('Referral');
    if (actor.role !== Role.ADMIN && actor.role !== Role.PRISON_STAFF) {
      throw DomainError.forbidden('Only the referring prison changes a release date');
    }
    checkReleaseDate(releaseDate, this.clock.today(), 'releaseDate');

    return this.dataSource.transaction(async (manager) => {
      const referral = await this.referrals.lockById(manager, id);
      if (!referral) throw DomainError.notFound('Referral');
      // Once released (ACTIVE) the date is history; closed referrals are not re-planned.
      if (
        !OPEN_REFERRAL_STATUSES.includes(referral.status) ||
        referral.status === ReferralStatus.ACTIVE
      ) {
        throw DomainError.conflict(
          `The release date of a ${referral.status} referral cannot change`,
        );
      }
      const previous = referral.releaseDate;
      await this.referrals.update(manager, referral.id, { releaseDate });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'referral.release_date_changed',
        entityType: 'referral',
        entityId: referral.id,
        details: { from: previous, to: releaseDate },
      });
      return Object.assign(referral, { releaseDate });
    });
  }
}
