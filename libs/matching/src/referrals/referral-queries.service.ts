import { AuthUser, DomainError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { canSeeReferral, referralScope } from './referral-access';
import { ReferralEntity } from './referral.entity';
import { ReferralFilter, ReferralRepository } from './referral.repository';

/** referral(id) and referrals(...): each side sees only its own. */
@Injectable()
export class ReferralQueries {
  constructor(private readonly referrals: ReferralRepository) {}

  async findVisible(actor: AuthUser, id: string): Promise<ReferralEntity | null> {
    const referral = await this.referrals.findById(id);
    return referral && canSeeReferral(actor, referral) ? referral : null;
  }

  /** A page of the caller's list; `after` is the id of the last referral of the previous page. */
  async list(
    actor: AuthUser,
    filter: ReferralFilter,
    after: string | null,
    first: number,
  ): Promise<ReferralEntity[]> {
    const scope = referralScope(actor);
    const position = after ? await this.referrals.positionOf(scope, after) : null;
    if (after && !position)
      throw DomainError.badInput('after', 'is not the id of a referral in your list');
    return this.referrals.list(scope, filter, position, first);
  }
}
