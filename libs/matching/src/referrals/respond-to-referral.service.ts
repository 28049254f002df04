import { AuditService, AuthUser, Clock, DomainError } from '@app/core';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canSeeReferral } from './referral-access';
import { ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';
import { SchemePlaces } from './scheme-places';

/**
 * respondToReferral: a coordinator of the scheme's organisation accepts (taking a place) or
 * declines with a reason. The scheme row is locked before the referral (every referral
 * transaction that changes places locks in that order), so concurrent accepts queue on the
 * scheme and accepted + active never exceed its capacity.
 */
@Injectable()
export class RespondToReferral {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly places: SchemePlaces,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuthUser,
    id: string,
    accept: boolean,
    reason: string | null,
  ): Promise<ReferralEntity> {
    const trimmed = reason?.trim() || null;
    if (!accept && !trimmed)
      throw DomainError.badInput('reason', 'say why the referral is declined');
    if (trimmed && trimmed.length > 500)
      throw DomainError.badInput('reason', 'must be at most 500 characters');
    const found = await this.referrals.findById(id);
    if (!found || !canSeeReferral(actor, found)) throw DomainError.notFound('Referral');

    return this.dataSource.transaction(async (manager) => {
      const scheme = await this.schemes.findForUpdate(manager, found.schemeId);
      const referral = await this.referrals.lockById(manager, id);
      if (!scheme || !referral) throw DomainError.notFound('Referral');
      if (referral.status !== ReferralStatus.SENT) {
        throw DomainError.conflict(`The referral has already been answered (${referral.status})`);
      }
      const status = accept ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
      const change = {
        status,
        statusReason: trimmed,
        respondedAt: this.clock.now(),
        respondedBy: actor.id,
      };
      await this.referrals.update(manager, referral.id, change);
      // Counted with this referral in, under the scheme's lock: past capacity, all of it rolls back.
      if (accept && (await this.places.recount(manager, scheme)) > scheme.capacity) {
        throw DomainError.conflict(`${scheme.name} has no place left`);
      }
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: accept ? 'referral.accepted' : 'referral.declined',
        entityType: 'referral',
        entityId: referral.id,
        details: { schemeId: scheme.id },
      });
      await this.notify.enqueue(manager, {
        kind: accept ? 'referral.accepted' : 'referral.declined',
        recipients: [{ prisonStaffOf: referral.prisonCode }],
        data: { referralId: referral.id, schemeName: scheme.name },
        dedupeKey: `referral.${accept ? 'accepted' : 'declined'}:${referral.id}`,
      });
      return Object.assign(referral, change);
    });
  }
}
