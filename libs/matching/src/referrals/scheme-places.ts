import { SchemeEntity, SchemeEvents, SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReferralRepository } from './referral.repository';

/**
 * Keeps a scheme's `activeMentees` equal to its place-holding referrals (accepted, matched,
 * active) and announces the change (`scheme.changed`), so the public map's "places available"
 * follows accepts, withdrawals and ended matches. Call it inside the transaction that changed a
 * referral's status, after the change, with the scheme row locked.
 */
@Injectable()
export class SchemePlaces {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly schemeEvents: SchemeEvents,
  ) {}

  /** Returns the places now taken. */
  async recount(manager: EntityManager, scheme: SchemeEntity): Promise<number> {
    const taken = await this.referrals.countPlacesTaken(manager, scheme.id);
    if (taken === scheme.activeMentees) return taken;
    scheme.activeMentees = taken;
    await this.schemes.save(manager, scheme);
    await this.schemeEvents.changed(manager, {
      schemeId: scheme.id,
      organisationId: scheme.organisationId,
      change: 'updated',
      version: 1,
    });
    return taken;
  }
}
