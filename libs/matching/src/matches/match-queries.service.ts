import { AuthUser } from '@app/core';
import { DEPARTED_STATUSES } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { MatchEntity } from './match.entity';
import { MatchRepository } from './match.repository';

/**
 * myMatches: a mentor's proposals, current and past matches, newest first. A proposal the mentor
 * declined leaves the list: its referral (prison number, risk) is no longer theirs to see. A
 * mentor who was withdrawn or rejected has no matches left to see at all.
 */
@Injectable()
export class MatchQueries {
  constructor(private readonly matches: MatchRepository) {}

  async mine(actor: AuthUser): Promise<MatchEntity[]> {
    const volunteer = await this.matches.findVolunteerByUserId(actor.id);
    if (!volunteer || DEPARTED_STATUSES.has(volunteer.status)) return [];
    return this.matches.forVolunteer(volunteer.id);
  }
}
