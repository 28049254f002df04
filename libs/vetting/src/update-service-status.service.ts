import {
  AuditService,
  AuthUser,
  Clock,
  DbsLevel,
  DomainError,
  addDays,
  addMonths,
} from '@app/core';
import { VolunteerProfileEntity, VolunteerRepository } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockCheck } from './check-lock';
import { VettingCheckKind, VettingCheckStatus } from './clearance';
import { UpdateServiceResult } from './dto/vetting-enums';
import { COUNTING_OUTCOMES } from './recheck-policy';
import { assertManages } from './vetting-access';
import {
  UpdateServiceChange,
  VettingCheckRepository,
  VettingCheckRow,
} from './vetting-check.repository';
import { UPDATE_SERVICE_LEVELS } from './vetting-rules';

/**
 * recordUpdateServiceStatus: the result of a DBS Update Service status check on a subscribed
 * STANDARD or ENHANCED certificate. No new information renews it from today (today plus the
 * organisation's re-check period); new information means a new DBS check is needed, so this one
 * stops counting at once (re-check date yesterday, EXPIRED, never renewable); no active subscription
 * clears the flag and the certificate counts until its re-check date.
 */
@Injectable()
export class UpdateServiceStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly volunteers: VolunteerRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  run(
    actor: AuthUser,
    checkId: string,
    result: UpdateServiceResult,
  ): Promise<{ check: VettingCheckRow; volunteer: VolunteerProfileEntity }> {
    return this.dataSource.transaction(async (manager) => {
      const { check, volunteer } = await lockCheck(this.checks, this.volunteers, manager, checkId);
      assertManages(actor, volunteer, 'Vetting check');
      if (
        check.kind !== VettingCheckKind.DBS ||
        !check.dbsLevel ||
        !UPDATE_SERVICE_LEVELS.has(check.dbsLevel as DbsLevel)
      ) {
        throw DomainError.badInput(
          'checkId',
          'the DBS Update Service covers STANDARD and ENHANCED DBS certificates only',
        );
      }
      if (!check.outcome || !COUNTING_OUTCOMES.has(check.outcome)) {
        throw DomainError.conflict('Only a CLEAR or DISCLOSURE certificate can be status-checked');
      }
      if (check.superseded) {
        throw DomainError.conflict(
          'The Update Service has already reported new information on this certificate: request a new DBS check',
        );
      }
      if (!check.updateServiceSubscribed) {
        throw DomainError.conflict('This certificate is not subscribed to the DBS Update Service');
      }
      const today = this.clock.today();
      const change = await this.changeFor(manager, check, volunteer, result, today);
      await this.checks.updateServiceChange(manager, check.id, change);
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'vetting.update_service_checked',
        entityType: 'vetting_check',
        entityId: check.id,
        details: {
          volunteerId: volunteer.id,
          result,
          expiresOn: change.expiresOn ?? check.expiresOn,
        },
      });
      return { check: { ...check, ...change }, volunteer };
    });
  }

  private async changeFor(
    manager: EntityManager,
    check: VettingCheckRow,
    volunteer: VolunteerProfileEntity,
    result: UpdateServiceResult,
    today: string,
  ): Promise<UpdateServiceChange> {
    switch (result) {
      case UpdateServiceResult.NO_NEW_INFORMATION: {
        const years = await this.checks.dbsRecheckYears(manager, volunteer.organisationId);
        return {
          status: check.outcome as VettingCheckStatus,
          expiresOn: addMonths(today, 12 * years),
          updateServiceCheckedOn: today,
        };
      }
      case UpdateServiceResult.NEW_INFORMATION:
        // A check still counts on its re-check date, so the date becomes yesterday: not even today.
        return {
          status: VettingCheckStatus.EXPIRED,
          expiresOn: addDays(today, -1),
          superseded: true,
          updateServiceCheckedOn: today,
        };
      case UpdateServiceResult.NOT_SUBSCRIBED:
        return { updateServiceSubscribed: false, updateServiceCheckedOn: today };
    }
  }
}
