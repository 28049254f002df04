import { AuditService, AuthUser, Clock, DomainError, Role } from '@app/core';
import { NotifyService, RecipientSelector } from '@app/notifications';
import { SchemeRepository } from '@app/schemes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatchStatus } from '../matches/match-status';
import { MatchEntity } from '../matches/match.entity';
import { MatchRepository } from '../matches/match.repository';
import { ReferralStatus } from '../referrals/referral-status';
import { ReferralRepository } from '../referrals/referral.repository';
import { SchemePlaces } from '../referrals/scheme-places';
import { MatchPartiesReader } from './match-parties';
import { END_REASON_MAX_LENGTH } from './relationship-rules';

/**
 * endMatch: the mentor or a coordinator ends an accepted match with a reason. The referral is
 * CLOSED, its place in the scheme freed (activeMentees recounted from the place-holding
 * referrals, and `scheme.changed` announced so the public map's "places available" follows), and
 * the mentor has one mentee fewer. Locks in the order every place-changing transaction uses:
 * scheme, referral, volunteer, match. The other side and the referring prison are told; the
 * reason stays on the match and is sent to no one.
 */
@Injectable()
export class EndMatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: MatchPartiesReader,
    private readonly matches: MatchRepository,
    private readonly referrals: ReferralRepository,
    private readonly schemes: SchemeRepository,
    private readonly places: SchemePlaces,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: AuthUser, id: string, reason: string): Promise<MatchEntity> {
    const trimmed = reason.trim();
    if (!trimmed) throw DomainError.badInput('reason', 'say why the match is ending');
    if (trimmed.length > END_REASON_MAX_LENGTH)
      throw DomainError.badInput('reason', `must be at most ${END_REASON_MAX_LENGTH} characters`);
    const found = await this.parties.forActor(actor, id);

    return this.dataSource.transaction(async (manager) => {
      const scheme = await this.schemes.findForUpdate(manager, found.referral.schemeId);
      const referral = await this.referrals.lockById(manager, found.referral.id);
      const volunteer = await this.matches.lockVolunteer(manager, found.volunteer.id);
      const match = await this.matches.lockById(manager, id);
      if (!scheme || !referral || !volunteer || !match) throw DomainError.notFound('Match');
      if (match.status !== MatchStatus.ACCEPTED) {
        throw DomainError.conflict(
          match.status === MatchStatus.ENDED
            ? 'The match has already ended'
            : `Only an accepted match can be ended (this one is ${match.status})`,
        );
      }
      const now = this.clock.now();
      const change = { status: MatchStatus.ENDED, endedAt: now, endReason: trimmed };
      await this.matches.update(manager, match.id, change);
      await this.referrals.update(manager, referral.id, { status: ReferralStatus.CLOSED });
      await this.places.recount(manager, scheme);
      await this.matches.updateVolunteer(manager, volunteer.id, {
        activeMentees: Math.max(0, volunteer.activeMentees - 1),
      });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'match.ended',
        entityType: 'match',
        entityId: match.id,
        details: { referralId: referral.id, schemeId: scheme.id },
      });
      await this.notify.enqueue(manager, {
        kind: 'match.ended',
        recipients: this.otherSide(actor, volunteer.userId, referral.organisationId),
        data: { matchId: match.id, schemeName: scheme.name },
        dedupeKey: `match.ended:${match.id}`,
      });
      await this.notify.enqueue(manager, {
        kind: 'referral.closed',
        recipients: [{ prisonStaffOf: referral.prisonCode }],
        data: { referralId: referral.id, schemeName: scheme.name },
        dedupeKey: `referral.closed:${referral.id}`,
      });
      return Object.assign(match, change);
    });
  }

  /** The mentor hears when the organisation ends it, the coordinators when the mentor does; an admin's end goes to both. */
  private otherSide(
    actor: AuthUser,
    mentorUserId: string,
    organisationId: string,
  ): RecipientSelector[] {
    const recipients: RecipientSelector[] = [];
    if (actor.role !== Role.MENTOR) recipients.push({ userId: mentorUserId });
    if (actor.role !== Role.COORDINATOR) recipients.push({ coordinatorsOf: organisationId });
    return recipients;
  }
}
