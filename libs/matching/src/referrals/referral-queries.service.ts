import { AuthUser } from '@app/core';
import { Injectable } from '@nestjs/common';
import { canSeeReferral, referralScope } from './referral-access';
import { ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository } from './referral.repository';

/** referral(id) and referrals(status): each side sees only its own. */
@Injectable()
export class ReferralQueries {
  constructor(private readonly referrals: ReferralRepository) {}

  async findVisible(actor: AuthUser, id: string): Promise<ReferralEntity | null> {
    const referral = await this.referrals.findById(id);
    return referral && canSeeReferral(actor, referral) ? referral : null;
  }

  list(actor: AuthUser, status: ReferralStatus | null, first: number): Promise<ReferralEntity[]> {
    return this.referrals.list(referralScope(actor), status, first);
  }
}
