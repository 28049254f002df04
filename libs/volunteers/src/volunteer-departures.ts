import { VolunteerStatus } from '@app/core';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/** The final states: a volunteer in one has left the organisation for good. */
export const DEPARTED_STATUSES: ReadonlySet<VolunteerStatus> = new Set([
  VolunteerStatus.WITHDRAWN,
  VolunteerStatus.REJECTED,
]);

/** What another library does, in the same transaction, when a volunteer is WITHDRAWN or REJECTED. */
export interface DepartureHandler {
  /**
   * Runs before the volunteer's row is locked, to lock first what the house order puts before it
   * (scheme, referral, volunteer, match), so a departure never deadlocks with an accept or an end.
   */
  lockFirst?(manager: EntityManager, volunteerId: string): Promise<void>;
  /** Runs with the volunteer locked and their new status written. */
  departed(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void>;
}

/**
 * The seam for it: volunteers cannot import matching (matching depends on volunteers), so matching
 * registers at start-up what happens to a departing mentor's proposals and matches.
 */
@Injectable()
export class VolunteerDepartures {
  private readonly handlers: DepartureHandler[] = [];

  register(handler: DepartureHandler): void {
    this.handlers.push(handler);
  }

  async lockFirst(manager: EntityManager, volunteerId: string): Promise<void> {
    for (const handler of this.handlers) await handler.lockFirst?.(manager, volunteerId);
  }

  async departed(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void> {
    for (const handler of this.handlers) await handler.departed(manager, volunteer, status);
  }
}
