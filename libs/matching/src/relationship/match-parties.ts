import { AuthUser, DomainError, Role } from '@app/core';
import { DEPARTED_STATUSES, VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { MatchEntity } from '../matches/match.entity';
import { MatchRepository } from '../matches/match.repository';
import { ReferralEntity } from '../referrals/referral.entity';
import { ReferralRepository } from '../referrals/referral.repository';

/** A match with its referral and mentor, as read before a transaction locks them. */
export interface MatchParties {
  match: MatchEntity;
  referral: ReferralEntity;
  volunteer: VolunteerProfileEntity;
}

/**
 * Who works on a running relationship: the match's own mentor while still volunteering (not
 * withdrawn or rejected), a coordinator of the scheme's organisation, or an admin. Anyone else
 * (another mentor, another organisation, a mentor who has left) is told the match does not exist,
 * as for proposals and referrals; prison staff are refused by role at the resolver.
 */
export function worksOnMatch(actor: AuthUser, parties: MatchParties): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.COORDINATOR:
      return (
        actor.organisationId !== null && actor.organisationId === parties.referral.organisationId
      );
    case Role.MENTOR:
      return (
        parties.volunteer.userId === actor.id && !DEPARTED_STATUSES.has(parties.volunteer.status)
      );
    default:
      return false;
  }
}

/** Reads a match's parties for an actor who works on it; NOT_FOUND otherwise. */
@Injectable()
export class MatchPartiesReader {
  constructor(
    private readonly matches: MatchRepository,
    private readonly referrals: ReferralRepository,
  ) {}

  async forActor(actor: AuthUser, matchId: string): Promise<MatchParties> {
    const match = await this.matches.findById(matchId);
    const [referral, volunteer] = match
      ? await Promise.all([
          this.referrals.findById(match.referralId),
          this.matches.findVolunteer(match.volunteerId),
        ])
      : [null, null];
    if (!match || !referral || !volunteer || !worksOnMatch(actor, { match, referral, volunteer }))
      throw DomainError.notFound('Match');
    return { match, referral, volunteer };
  }
}
