import { AuditService, AuthUser, BarredList, Clock, DomainError, VolunteerStatus } from '@app/core';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { DEPARTED_STATUSES, VolunteerProfileEntity, VolunteerRepository } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestVettingCheckInput } from './dto/request-vetting-check.input';
import { assertManages } from './vetting-access';
import { VettingCheckRepository, VettingCheckRow } from './vetting-check.repository';
import { checkRequest } from './vetting-rules';

/**
 * requestVettingCheck: a new check for a volunteer, audited. The first check moves an APPLIED
 * volunteer to VETTING in the same transaction, with the profile row locked.
 */
@Injectable()
export class RequestVettingCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly volunteers: VolunteerRepository,
    private readonly schemes: SchemeRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  run(
    actor: AuthUser,
    input: RequestVettingCheckInput,
  ): Promise<{ check: VettingCheckRow; volunteer: VolunteerProfileEntity }> {
    const request = checkRequest(input);
    return this.dataSource.transaction(async (manager) => {
      const volunteer = await this.volunteers.lockById(manager, input.volunteerId);
      if (!volunteer) throw DomainError.notFound('Volunteer');
      assertManages(actor, volunteer, 'Volunteer');
      if (DEPARTED_STATUSES.has(volunteer.status)) {
        throw DomainError.conflict(`The volunteer is ${volunteer.status}: no new checks`);
      }
      await this.assertListsLawful(volunteer.organisationId, request.barredLists);
      const check = await this.checks.insert(manager, {
        volunteerId: volunteer.id,
        kind: request.kind,
        dbsLevel: request.dbsLevel,
        barredLists: request.barredLists,
        requestedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'vetting.check_requested',
        entityType: 'vetting_check',
        entityId: check.id,
        details: {
          volunteerId: volunteer.id,
          kind: request.kind,
          dbsLevel: request.dbsLevel,
          barredLists: request.barredLists,
        },
      });
      if (volunteer.status === VolunteerStatus.APPLIED) {
        const change = {
          status: VolunteerStatus.VETTING,
          statusReason: null,
          activeSince: volunteer.activeSince,
        };
        await this.volunteers.updateStatus(manager, volunteer.id, change);
        await this.audit.record(manager, {
          actorUserId: actor.id,
          action: 'volunteer.status_changed',
          entityType: 'volunteer',
          entityId: volunteer.id,
          details: {
            from: VolunteerStatus.APPLIED,
            to: VolunteerStatus.VETTING,
            actorRole: actor.role,
          },
        });
        await this.notify.enqueue(manager, {
          kind: 'volunteer.status_changed',
          recipients: [{ userId: volunteer.userId }],
          data: { status: VolunteerStatus.VETTING },
          dedupeKey: `volunteer.status_changed:${volunteer.id}:${VolunteerStatus.VETTING}`,
        });
        Object.assign(volunteer, change);
      }
      return { check, volunteer };
    });
  }

  /**
   * Barred-list checks are lawful only for regulated activity (domain.md): a list may be checked
   * only when one of the organisation's schemes requires it.
   */
  private async assertListsLawful(
    organisationId: string | null,
    lists: BarredList[],
  ): Promise<void> {
    if (lists.length === 0) return;
    const schemes = organisationId
      ? await this.schemes.findByOrganisationIds([organisationId], {
          all: true,
          organisationId: null,
        })
      : [];
    const required = new Set(schemes.flatMap((scheme) => scheme.requiredBarredLists));
    const unlawful = lists.filter((list) => !required.has(list));
    if (unlawful.length > 0) {
      throw DomainError.badInput(
        'input.barredLists',
        `${unlawful.join(', ')}: no scheme of the organisation requires this barred list, and a barred list may only be checked for a role that needs it`,
      );
    }
  }
}
