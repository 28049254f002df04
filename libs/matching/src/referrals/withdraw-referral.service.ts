import { AuditService, AuthUser, Clock, DomainError, Role } from '@app/core';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchStatus } from '../matches/match-status';
import { MatchRepository } from '../matches/match.repository';
import { canSeeReferral } from './referral-access';
import { ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';
import { SchemePlaces } from './scheme-places';

/** Withdrawable before a mentor is matched; later, the match is ended instead (endMatch). */
const WITHDRAWABLE: readonly ReferralStatus[] = [ReferralStatus.SENT, ReferralStatus.ACCEPTED];

/**
 * withdrawReferral: the referring prison (or an admin) withdraws; an accepted referral frees its
 * place, and a proposal still waiting for its mentor is closed (DECLINED) and the mentor told.
 */
@Injectable()
export class WithdrawReferral {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly places: SchemePlaces,
    private readonly audit: AuditService,
    private readonly matches: MatchRepository,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, id: string, reason: string | null): Promise<ReferralEntity> {
    const trimmed = reason?.trim() || null;
    if (trimmed && trimmed.length > 500)
      throw DomainError.badInput('reason', 'must be at most 500 characters');
    const found = await this.referrals.findById(id);
    if (!found || !canSeeReferral(actor, found)) throw DomainError.notFound('Referral');
    if (actor.role !== Role.ADMIN && actor.role !== Role.PRISON_STAFF) {
      throw DomainError.forbidden('Only the referring prison withdraws a referral');
    }

    return this.dataSource.transaction(async (manager) => {
      const scheme = await this.schemes.findForUpdate(manager, found.schemeId);
      const referral = await this.referrals.lockById(manager, id);
      if (!scheme || !referral) throw DomainError.notFound('Referral');
      if (!WITHDRAWABLE.includes(referral.status)) {
        throw DomainError.conflict(`A ${referral.status} referral cannot be withdrawn`);
      }
      const change = { status: ReferralStatus.WITHDRAWN, statusReason: trimmed };
      await this.referrals.update(manager, referral.id, change);
      await this.places.recount(manager, scheme);
      const proposal = await this.matches.liveForReferral(manager, referral.id);
      if (proposal?.status === MatchStatus.PROPOSED) {
        await this.matches.update(manager, proposal.id, {
          status: MatchStatus.DECLINED,
          respondedAt: this.clock.now(),
        });
        const mentor = await this.matches.findVolunteer(proposal.volunteerId);
        if (mentor)
          await this.notify.enqueue(manager, {
            kind: 'match.withdrawn',
            recipients: [{ userId: mentor.userId }],
            data: { matchId: proposal.id, schemeName: scheme.name },
            dedupeKey: `match.withdrawn:${proposal.id}`,
          });
      }
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'referral.withdrawn',
        entityType: 'referral',
        entityId: referral.id,
        details: { schemeId: scheme.id, closedProposal: proposal?.id ?? null },
      });
      return Object.assign(referral, change);
    });
  }
}
