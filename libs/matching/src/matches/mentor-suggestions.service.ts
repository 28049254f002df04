import { AuthUser, DomainError, checkPageSize } from '@app/core';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralRepository } from '../referrals/referral.repository';
import { assertCoordinates } from './coordinated-referral';
import { AssessedMentor, MentorAssessment } from './mentor-assessment.service';

/** suggestMentors and excludedMentors for an accepted referral. */
@Injectable()
export class MentorSuggestions {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly assessment: MentorAssessment,
  ) {}

  /** Mentors who may be proposed, best first (ties: nearer, then id). */
  async suggest(actor: AuthUser, referralId: string, first: number): Promise<AssessedMentor[]> {
    const assessed = await this.assess(actor, referralId, first);
    return assessed
      .filter((mentor) => mentor.fit.exclusions.length === 0)
      .sort(
        (a, b) =>
          b.fit.score - a.fit.score ||
          a.distanceKm - b.distanceKm ||
          a.volunteer.id.localeCompare(b.volunteer.id),
      )
      .slice(0, first);
  }

  /** The nearest mentors who may not be proposed, and why. */
  async excluded(actor: AuthUser, referralId: string, first: number): Promise<AssessedMentor[]> {
    const assessed = await this.assess(actor, referralId, first);
    return assessed.filter((mentor) => mentor.fit.exclusions.length > 0).slice(0, first);
  }

  private async assess(
    actor: AuthUser,
    referralId: string,
    first: number,
  ): Promise<AssessedMentor[]> {
    checkPageSize(first);
    const referral = await this.referrals.findById(referralId);
    assertCoordinates(actor, referral);
    if (referral.status !== ReferralStatus.ACCEPTED) {
      throw DomainError.conflict(
        `Mentors are suggested for ACCEPTED referrals (this one is ${referral.status})`,
      );
    }
    const scheme = await this.schemes.findById(referral.schemeId);
    if (!scheme) throw DomainError.notFound('Scheme');
    return this.assessment.assess(referral, scheme);
  }
}
