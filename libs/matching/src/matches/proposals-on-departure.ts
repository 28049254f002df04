import { AuditService, Clock, VolunteerStatus } from '@app/core';
import { NotifyService } from '@app/notifications';
import { VolunteerDepartures, VolunteerProfileEntity } from '@app/volunteers';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A mentor who is WITHDRAWN or REJECTED leaves no proposal waiting: in the same transaction their
 * PROPOSED matches become DECLINED (audited) and each organisation's coordinators are told, so the
 * referral is free for another mentor at once.
 */
@Injectable()
export class ProposalsOnDeparture implements OnModuleInit {
  constructor(
    private readonly departures: VolunteerDepartures,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.departures.register((manager, volunteer, status) =>
      this.closeProposals(manager, volunteer, status),
    );
  }

  private async closeProposals(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void> {
    const [closed]: [
      { id: string; referral_id: string; organisation_id: string; scheme_name: string }[],
    ] = await manager.query(
      `UPDATE matches m SET status = 'DECLINED', responded_at = $2
           FROM referrals r JOIN schemes s ON s.id = r.scheme_id
          WHERE m.volunteer_id = $1 AND m.status = 'PROPOSED' AND r.id = m.referral_id
          RETURNING m.id, m.referral_id, r.organisation_id, s.name AS scheme_name`,
      [volunteer.id, this.clock.now()],
    );
    for (const match of closed) {
      await this.audit.record(manager, {
        actorUserId: null,
        action: 'match.declined',
        entityType: 'match',
        entityId: match.id,
        details: { referralId: match.referral_id, because: status },
      });
      await this.notify.enqueue(manager, {
        kind: 'match.declined',
        recipients: [{ coordinatorsOf: match.organisation_id }],
        data: { matchId: match.id, schemeName: match.scheme_name },
        dedupeKey: `match.declined:${match.id}`,
      });
    }
  }
}
