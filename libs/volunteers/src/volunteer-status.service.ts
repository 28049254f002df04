import { AuditService, AuthUser, Clock, DomainError, ErrorCode, VolunteerStatus } from '@app/core';
import { NotifyService } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ELIGIBILITY_GATED, checkTransition } from './status-transitions';
import { canReach, changerOf } from './volunteer-access';
import { DEPARTED_STATUSES, VolunteerDepartures } from './volunteer-departures';
import { VolunteerEligibility } from './volunteer-eligibility';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerRepository } from './volunteer.repository';

/** setVolunteerStatus: one lifecycle step, with the profile row locked and the change audited. */
@Injectable()
export class VolunteerStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerRepository,
    private readonly eligibility: VolunteerEligibility,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
    private readonly departures: VolunteerDepartures,
  ) {}

  change(
    actor: AuthUser,
    id: string,
    to: VolunteerStatus,
    reason?: string | null,
  ): Promise<VolunteerProfileEntity> {
    return this.dataSource.transaction(async (manager) => {
      const departing = DEPARTED_STATUSES.has(to);
      if (departing) await this.departures.lockFirst(manager, id);
      const volunteer = await this.volunteers.lockById(manager, id);
      if (!volunteer || !canReach(actor, volunteer)) throw DomainError.notFound('Volunteer');
      const from = volunteer.status;
      const verdict = checkTransition(from, to, changerOf(actor), reason);
      if (!verdict.allowed) {
        if (verdict.code === ErrorCode.BAD_USER_INPUT)
          throw DomainError.badInput(verdict.field ?? 'status', verdict.message);
        throw new DomainError(verdict.code, verdict.message);
      }
      if (ELIGIBILITY_GATED.has(to)) await this.eligibility.assertEligible(manager, volunteer, to);
      const change = {
        status: to,
        // Reasons are kept only for the final states: they explain a rejection or withdrawal.
        statusReason: departing ? reason?.trim() || null : null,
        activeSince:
          volunteer.activeSince ?? (to === VolunteerStatus.ACTIVE ? this.clock.now() : null),
      };
      await this.volunteers.updateStatus(manager, volunteer.id, change);
      if (departing) await this.departures.departed(manager, volunteer, to);
      // The reason stays out of the audit trail: it may describe the person.
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'volunteer.status_changed',
        entityType: 'volunteer',
        entityId: volunteer.id,
        details: { from, to, actorRole: actor.role },
      });
      // Tells the mentor the new status only, never the reason.
      await this.notify.enqueue(manager, {
        kind: 'volunteer.status_changed',
        recipients: [{ userId: volunteer.userId }],
        data: { status: to },
      });
      return Object.assign(volunteer, change);
    });
  }
}
