import { Clock, DomainError, ErrorCode, VolunteerStatus } from '@app/core';
import { VolunteerEligibilityCheck, VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BASELINE } from './clearance';
import { ClearanceService } from './clearance.service';
import { VettingCheckRepository } from './vetting-check.repository';

/**
 * Registered with volunteers' eligibility seam: a volunteer becomes APPROVED (or ACTIVE) only with
 * the organisation's baseline met today (IDENTITY, two REFERENCEs, DBS BASIC or above, in date).
 * Otherwise NOT_ELIGIBLE with `missing` in the coordinator's words. Barred lists are a matter for
 * each scheme's clearance, which matching asks for.
 */
@Injectable()
export class BaselineEligibility implements VolunteerEligibilityCheck {
  constructor(
    private readonly checks: VettingCheckRepository,
    private readonly clearance: ClearanceService,
    private readonly clock: Clock,
  ) {}

  async assertEligible(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    to: VolunteerStatus,
  ): Promise<void> {
    const rows = await this.checks.findByVolunteerIds([volunteer.id], manager);
    const { cleared, missing } = this.clearance.evaluate(rows, BASELINE, this.clock.today());
    if (cleared) return;
    throw new DomainError(
      ErrorCode.NOT_ELIGIBLE,
      `The volunteer cannot become ${to} until the organisation's baseline checks are met: ${missing.join(', ')}`,
      { missing },
    );
  }
}
