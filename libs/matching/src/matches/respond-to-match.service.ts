import { AuditService, AuthUser, Clock, DomainError, ErrorCode, VolunteerStatus } from '@app/core';
import { NotifyService } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralRepository } from '../referrals/referral.repository';
import { ReleaseDay } from '../release-day/release-day.service';
import { MatchStatus } from './match-status';
import { MatchEntity } from './match.entity';
import { MatchRepository } from './match.repository';
import { MentorAssessment } from './mentor-assessment.service';

/**
 * respondToMatch: the proposed mentor (own matches only) accepts — the referral becomes MATCHED
 * (ACTIVE if the person is already out: released before a departed mentor left, or the release
 * date has come), the mentor ACTIVE with one more mentee — or declines, which frees the referral
 * for another proposal. The scheme's place was taken when the referral was accepted and stays
 * taken. An accept re-checks what proposeMatch checked (status, clearance on its clearance day,
 * capacity...): a mentor who has since withdrawn, been rejected or lost a clearance cannot take the
 * match.
 */
@Injectable()
export class RespondToMatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matches: MatchRepository,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assessment: MentorAssessment,
    private readonly releaseDay: ReleaseDay,
  ) {}

  async execute(actor: AuthUser, id: string, accept: boolean): Promise<MatchEntity> {
    const found = await this.matches.findById(id);
    const owner = found ? await this.matches.findVolunteer(found.volunteerId) : null;
    if (!found || !owner || owner.userId !== actor.id) throw DomainError.notFound('Match');

    return this.dataSource.transaction(async (manager) => {
      const referral = await this.referrals.lockById(manager, found.referralId);
      const volunteer = await this.matches.lockVolunteer(manager, found.volunteerId);
      const match = await this.matches.lockById(manager, id);
      if (!referral || !volunteer || !match) throw DomainError.notFound('Match');
      if (match.status !== MatchStatus.PROPOSED)
        throw DomainError.conflict(`The match is already ${match.status}`);
      const now = this.clock.now();
      const scheme = await this.schemes.findById(referral.schemeId);
      if (accept) {
        if (
          volunteer.status !== VolunteerStatus.APPROVED &&
          volunteer.status !== VolunteerStatus.ACTIVE
        )
          throw DomainError.conflict(
            `You are ${volunteer.status}: this proposal can no longer be accepted`,
          );
        if (volunteer.activeMentees >= volunteer.maxMentees) {
          throw DomainError.conflict(
            `You already have ${volunteer.activeMentees} of ${volunteer.maxMentees} mentees`,
          );
        }
        if (referral.status !== ReferralStatus.ACCEPTED) {
          throw DomainError.conflict(
            `The referral is no longer waiting for a mentor (${referral.status})`,
          );
        }
        const [assessed] = scheme
          ? await this.assessment.assess(referral, scheme, { volunteerId: volunteer.id, manager })
          : [];
        const reasons = assessed ? assessed.fit.exclusions : ['the scheme is gone'];
        if (reasons.length > 0) {
          throw new DomainError(
            ErrorCode.NOT_ELIGIBLE,
            `You can no longer take this match: ${reasons.join('; ')}`,
            { reasons },
          );
        }
        await this.matches.updateVolunteer(manager, volunteer.id, {
          activeMentees: volunteer.activeMentees + 1,
          status: VolunteerStatus.ACTIVE,
          activeSince: volunteer.activeSince ?? now,
        });
        if (volunteer.status !== VolunteerStatus.ACTIVE) {
          // Accepting is how an approved volunteer becomes ACTIVE: their trail shows it as a step.
          await this.audit.record(manager, {
            actorUserId: actor.id,
            action: 'volunteer.status_changed',
            entityType: 'volunteer',
            entityId: volunteer.id,
            details: { from: volunteer.status, to: VolunteerStatus.ACTIVE, actorRole: actor.role },
          });
        }
        // A person already out (released before, or their release date has come) has the new
        // relationship live at once, as the release-day sweep would make it.
        const today = this.clock.today();
        const released = referral.releasedOn !== null || referral.releaseDate <= today;
        const releasedOn = referral.releasedOn ?? (released ? referral.releaseDate : null);
        await this.referrals.update(manager, referral.id, {
          status: released ? ReferralStatus.ACTIVE : ReferralStatus.MATCHED,
          releasedOn,
        });
        if (released && referral.releasedOn === null) {
          await this.releaseDay.recordActivation(manager, referral.id, referral.releaseDate, today);
        }
      }
      const change = {
        status: accept ? MatchStatus.ACCEPTED : MatchStatus.DECLINED,
        respondedAt: now,
      };
      await this.matches.update(manager, match.id, change);
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: accept ? 'match.accepted' : 'match.declined',
        entityType: 'match',
        entityId: match.id,
        details: { referralId: referral.id },
      });
      const data = { matchId: match.id, schemeName: scheme?.name ?? 'the scheme' };
      await this.notify.enqueue(manager, {
        kind: accept ? 'match.accepted' : 'match.declined',
        recipients: [{ coordinatorsOf: referral.organisationId }],
        data,
        dedupeKey: `match.${accept ? 'accepted' : 'declined'}:${match.id}`,
      });
      if (accept) {
        await this.notify.enqueue(manager, {
          kind: 'referral.matched',
          recipients: [{ prisonStaffOf: referral.prisonCode }],
          data: { referralId: referral.id, schemeName: data.schemeName },
          // Per match: a referral re-matched after its mentor left is announced again.
          dedupeKey: `referral.matched:${referral.id}:${match.id}`,
        });
      }
      return Object.assign(match, change);
    });
  }
}
