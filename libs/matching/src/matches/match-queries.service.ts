import { AuthUser } from '@app/core';
import { Injectable } from '@nestjs/common';
import { MatchEntity } from './match.entity';
import { MatchRepository } from './match.repository';

/** myMatches: a mentor's own matches, newest first. */
@Injectable()
export class MatchQueries {
  constructor(private readonly matches: MatchRepository) {}

  async mine(actor: AuthUser): Promise<MatchEntity[]> {
    const volunteer = await this.matches.findVolunteerByUserId(actor.id);
    return volunteer ? this.matches.forVolunteer(volunteer.id) : [];
  }
}
