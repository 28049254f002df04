import { VolunteerStatus } from '@app/core';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/** What another library does, in the same transaction, when a volunteer is WITHDRAWN or REJECTED. */
export type DepartureHandler = (
  manager: EntityManager,
  volunteer: VolunteerProfileEntity,
  status: VolunteerStatus,
) => Promise<void>;

/**
 * The seam for it: volunteers cannot import matching (matching depends on volunteers), so matching
 * registers at start-up that a departing mentor's waiting proposals are closed.
 */
@Injectable()
export class VolunteerDepartures {
  private readonly handlers: DepartureHandler[] = [];

  register(handler: DepartureHandler): void {
    this.handlers.push(handler);
  }

  async departed(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void> {
    for (const handler of this.handlers) await handler(manager, volunteer, status);
  }
}
