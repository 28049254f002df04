import { AuthUser, DomainError, Role } from '@app/core';
import { SchemeRepository, canSee } from '@app/schemes';
import { VolunteerProfileObject } from '@app/volunteers';
import { Injectable, Logger } from '@nestjs/common';
import { ReferralObject } from '../referrals/dto/referral.object';
import { AssignmentCandidatesService, CandidatePool } from './assignment-candidates.service';
import { AssignmentSolution } from './assignment-solver';
import { AssignmentPlanObject } from './dto/assignment-plan.object';
import { CENTS, planLazily } from './lazy-plan';

/**
 * proposeAssignments: the best assignment of a scheme's open referrals to cleared mentors, under
 * every rule of suggestMentors and each mentor's free places (maxMentees − activeMentees, as
 * proposeMatch and respondToMatch count them). Writes nothing: each pair is confirmed with
 * proposeMatch, which checks everything again.
 */
@Injectable()
export class ProposeAssignments {
  private readonly logger = new Logger(ProposeAssignments.name);

  constructor(
    private readonly schemes: SchemeRepository,
    private readonly candidates: AssignmentCandidatesService,
  ) {}

  async execute(actor: AuthUser, schemeId: string): Promise<AssignmentPlanObject> {
    const scheme = await this.schemes.findById(schemeId);
    if (!scheme || !canSee(actor, scheme)) throw DomainError.notFound('Scheme');
    const manages =
      actor.role === Role.ADMIN ||
      (actor.role === Role.COORDINATOR && actor.organisationId === scheme.organisationId);
    if (!manages) throw DomainError.forbidden("Only the scheme's organisation assigns its mentors");

    const pool = await this.candidates.pool(scheme);
    const { plan, greedy, stats } = await planLazily(pool);
    const details = { schemeId, mentors: pool.volunteers.length, ...pool.preparedMs, ...stats };
    if (stats.provenOptimal) this.logger.log({ msg: 'assignment plan', ...details });
    else this.logger.warn({ msg: 'assignment plan not proven optimal', ...details });
    return toObject(pool, plan, greedy);
  }
}

function toObject(
  pool: CandidatePool,
  plan: AssignmentSolution,
  greedy: AssignmentSolution,
): AssignmentPlanObject {
  const profiles = new Map<number, VolunteerProfileObject>();
  const profile = (col: number) => {
    let object = profiles.get(col);
    if (!object) profiles.set(col, (object = VolunteerProfileObject.from(pool.volunteers[col])));
    return object;
  };
  const result = new AssignmentPlanObject();
  result.proposals = [];
  result.unassigned = [];
  pool.referrals.forEach((referral, row) => {
    const col = plan.colOfRow[row];
    if (col === -1) {
      result.unassigned.push(ReferralObject.from(referral));
      return;
    }
    result.proposals.push({
      referral: ReferralObject.from(referral),
      volunteer: profile(col),
      score: plan.weightOfRow[row] / CENTS,
    });
  });
  result.totalScore = plan.total / CENTS;
  result.greedyTotalScore = greedy.total / CENTS;
  return result;
}
