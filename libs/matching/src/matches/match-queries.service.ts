import { AuthUser } from '@app/core';
import { Injectable } from '@nestjs/common';
import { MatchEntity } from './match.entity';
import { MatchRepository } from './match.repository';

/**
 * myMatches: a mentor's proposals, current and past matches, newest first. A proposal the mentor
 * declined leaves the list: its referral (prison number, risk) is no longer theirs to see.
 */
@Injectable()
export class MatchQueries {
  constructor(private readonly matches: MatchRepository) {}

  async mine(actor: AuthUser): Promise<MatchEntity[]> {
    const volunteer = await this.matches.findVolunteerByUserId(actor.id);
    return volunteer ? this.matches.forVolunteer(volunteer.id) : [];
  }
}
