import { AuthUser, DomainError, checkPageSize } from '@app/core';
import { SchemeEntity } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralEntity } from '../referrals/referral.entity';
import { ReferralRepository } from '../referrals/referral.repository';
import { assertCoordinates } from './coordinated-referral';
import { AssessedMentor, MentorAssessment } from './mentor-assessment.service';

/** suggestMentors and excludedMentors for an accepted referral. */
@Injectable()
export class MentorSuggestions {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly assessment: MentorAssessment,
  ) {}

  /** Mentors who may be proposed, best first (ties: nearer, then id). */
  async suggest(actor: AuthUser, referralId: string, first: number): Promise<AssessedMentor[]> {
    const { referral, scheme } = await this.placement(actor, referralId, first);
    return this.assessment.suggest(referral, scheme, first);
  }

  /** The nearest mentors who may not be proposed, and why. */
  async excluded(actor: AuthUser, referralId: string, first: number): Promise<AssessedMentor[]> {
    const { referral, scheme } = await this.placement(actor, referralId, first);
    return this.assessment.excluded(referral, scheme, first);
  }

  private async placement(
    actor: AuthUser,
    referralId: string,
    first: number,
  ): Promise<{ referral: ReferralEntity; scheme: SchemeEntity }> {
    checkPageSize(first);
    const referral = await this.referrals.findWithScheme(referralId);
    assertCoordinates(actor, referral);
    if (referral.status !== ReferralStatus.ACCEPTED) {
      throw DomainError.conflict(
        `Mentors are suggested for ACCEPTED referrals (this one is ${referral.status})`,
      );
    }
    const { scheme } = referral;
    if (!scheme) throw DomainError.notFound('Scheme');
    return { referral, scheme };
  }
}
