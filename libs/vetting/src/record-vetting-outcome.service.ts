import { AuditService, AuthUser, Clock, DomainError } from '@app/core';
import { NotifyService } from '@app/notifications';
import { VolunteerProfileEntity, VolunteerRepository } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockCheck } from './check-lock';
import { VettingCheckStatus } from './clearance';
import { RecordVettingOutcomeInput } from './dto/record-vetting-outcome.input';
import { currentStatus, recheckDate } from './recheck-policy';
import { assertManages } from './vetting-access';
import {
  RecordedOutcome,
  VettingCheckRepository,
  VettingCheckRow,
} from './vetting-check.repository';
import { checkOutcome } from './vetting-rules';

/**
 * recordVettingOutcome: the decision on a check, once (a later change is a new check, so the
 * history is kept), with its re-check date. BARRED tells the organisation's coordinators at once,
 * through the outbox written in the same transaction. Notes go to the table only: not to the audit
 * trail, the notification or any log.
 */
@Injectable()
export class RecordVettingOutcome {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: VettingCheckRepository,
    private readonly volunteers: VolunteerRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
  ) {}

  run(
    actor: AuthUser,
    input: RecordVettingOutcomeInput,
  ): Promise<{ check: VettingCheckRow; volunteer: VolunteerProfileEntity }> {
    return this.dataSource.transaction(async (manager) => {
      const { check, volunteer } = await lockCheck(
        this.checks,
        this.volunteers,
        manager,
        input.checkId,
      );
      assertManages(actor, volunteer, 'Vetting check');
      if (check.outcome !== null) {
        throw DomainError.conflict(
          'An outcome has already been recorded for this check; to record a change, request a new check (the history is kept)',
        );
      }
      const today = this.clock.today();
      const outcome = checkOutcome(check, input, today);
      const years = await this.checks.dbsRecheckYears(manager, volunteer.organisationId);
      const expiresOn = recheckDate(check.kind, outcome.status, outcome.issuedOn ?? today, years);
      const recorded: RecordedOutcome = {
        status: currentStatus(outcome.status, expiresOn, today),
        outcome: outcome.status,
        barredOn: outcome.barredOn,
        certificateNumber: outcome.certificateNumber,
        issuedOn: outcome.issuedOn,
        expiresOn,
        updateServiceSubscribed: outcome.updateServiceSubscribed,
        decidedAt: this.clock.now(),
        decidedBy: actor.id,
        notes: outcome.notes,
      };
      await this.checks.recordOutcome(manager, check.id, recorded);
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'vetting.outcome_recorded',
        entityType: 'vetting_check',
        entityId: check.id,
        details: { volunteerId: volunteer.id, kind: check.kind, outcome: outcome.status },
      });
      if (outcome.status === VettingCheckStatus.BARRED) {
        await this.notify.enqueue(manager, {
          kind: 'vetting.barred',
          recipients: [{ coordinatorsOf: volunteer.organisationId }],
          data: { checkId: check.id },
          dedupeKey: `vetting.barred:${check.id}`,
        });
      }
      const { notes: _notes, ...shown } = recorded;
      return { check: { ...check, ...shown }, volunteer };
    });
  }
}
