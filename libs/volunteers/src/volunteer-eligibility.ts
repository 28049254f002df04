import { VolunteerStatus } from '@app/core';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/**
 * A rule another library adds to status changes, e.g. vetting: "APPROVED needs the organisation's
 * baseline clearance; BARRED cannot become APPROVED or ACTIVE". It throws a DomainError (usually
 * NOT_ELIGIBLE, with `missing`) to refuse, and runs inside the change's transaction with the
 * profile row locked, so it reads a consistent picture.
 */
export interface VolunteerEligibilityCheck {
  assertEligible(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    to: VolunteerStatus,
  ): Promise<void>;
}

/**
 * The seam for those rules. Volunteers cannot import vetting (vetting depends on volunteers), so a
 * library registers its check here at start-up (`onModuleInit`), as loaders are registered.
 * With nothing registered, every listed transition is allowed.
 */
@Injectable()
export class VolunteerEligibility {
  private readonly checks: VolunteerEligibilityCheck[] = [];

  register(check: VolunteerEligibilityCheck): void {
    this.checks.push(check);
  }

  async assertEligible(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    to: VolunteerStatus,
  ): Promise<void> {
    for (const check of this.checks) await check.assertEligible(manager, volunteer, to);
  }
}
