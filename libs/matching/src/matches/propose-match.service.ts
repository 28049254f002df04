import {
  AuditService,
  AuthUser,
  Clock,
  DomainError,
  ErrorCode,
  isUniqueViolation,
} from '@app/core';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralRepository } from '../referrals/referral.repository';
import { assertCoordinates } from './coordinated-referral';
import { MatchEntity } from './match.entity';
import { MatchRepository } from './match.repository';
import { MentorAssessment } from './mentor-assessment.service';

/**
 * proposeMatch: a coordinator proposes a mentor for an accepted referral. Every hard rule is
 * checked again inside the transaction, with the referral and the volunteer locked, so a
 * suggestion that went stale (a check expired, the mentor filled up) is NOT_ELIGIBLE with reasons.
 */
@Injectable()
export class ProposeMatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly matches: MatchRepository,
    private readonly assessment: MentorAssessment,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, referralId: string, volunteerId: string): Promise<MatchEntity> {
    assertCoordinates(actor, await this.referrals.findById(referralId));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const referral = await this.referrals.lockById(manager, referralId);
        if (!referral) throw DomainError.notFound('Referral');
        if (referral.status !== ReferralStatus.ACCEPTED) {
          throw DomainError.conflict(
            `Only an ACCEPTED referral can be matched (this one is ${referral.status})`,
          );
        }
        if (await this.matches.liveForReferral(manager, referral.id)) {
          throw DomainError.conflict('The referral already has a proposed or accepted match');
        }
        const volunteer = await this.matches.lockVolunteer(manager, volunteerId);
        if (!volunteer || volunteer.organisationId !== referral.organisationId)
          throw DomainError.notFound('Volunteer');
        const scheme = await this.schemes.findById(referral.schemeId);
        if (!scheme) throw DomainError.notFound('Scheme');
        const [assessed] = await this.assessment.assess(referral, scheme, { volunteerId, manager });
        const reasons = assessed ? assessed.fit.exclusions : [`status ${volunteer.status}`];
        if (reasons.length > 0) {
          throw new DomainError(
            ErrorCode.NOT_ELIGIBLE,
            `${volunteer.displayName} cannot be proposed: ${reasons.join('; ')}`,
            {
              reasons,
            },
          );
        }
        const match = await this.matches.insert(manager, {
          referralId: referral.id,
          volunteerId: volunteer.id,
          score: assessed.fit.score,
          proposedBy: actor.id,
          proposedAt: this.clock.now(),
        });
        await this.audit.record(manager, {
          actorUserId: actor.id,
          action: 'match.proposed',
          entityType: 'match',
          entityId: match.id,
          details: { referralId: referral.id, volunteerId: volunteer.id },
        });
        await this.notify.enqueue(manager, {
          kind: 'match.proposed',
          recipients: [{ userId: volunteer.userId }],
          data: { matchId: match.id, schemeName: scheme.name, releaseDate: referral.releaseDate },
          dedupeKey: `match.proposed:${match.id}`,
        });
        return match;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('The referral already has a proposed or accepted match');
      }
      throw error;
    }
  }
}
