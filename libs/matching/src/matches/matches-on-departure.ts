import { AuditService, Clock, VolunteerStatus } from '@app/core';
import { NotifyService } from '@app/notifications';
import { VolunteerDepartures, VolunteerProfileEntity } from '@app/volunteers';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MatchStatus } from './match-status';

/** Stored as the match's end reason: why it ended, never the volunteer's own reason (it may describe them). */
const END_REASONS: Readonly<Partial<Record<VolunteerStatus, string>>> = {
  [VolunteerStatus.WITHDRAWN]: 'The mentor withdrew from volunteering',
  [VolunteerStatus.REJECTED]: "The organisation ended the mentor's volunteering",
};

/**
 * A mentor who is WITHDRAWN or REJECTED leaves nothing behind, in the same transaction:
 * - waiting proposals become DECLINED, so the referral is free for another mentor at once;
 * - accepted matches become ENDED and their referrals (MATCHED or ACTIVE) go back to ACCEPTED:
 *   the person still needs a mentor and keeps their place in the scheme, and the coordinators are
 *   told to find another, and the referring prison too (referral.mentor_left). A person whose
 *   release date has come is recorded released (released_on). The mentor's mentee count goes down.
 * Each closed match is audited; each organisation's coordinators are notified per match.
 */
@Injectable()
export class MatchesOnDeparture implements OnModuleInit {
  constructor(
    private readonly departures: VolunteerDepartures,
    private readonly notify: NotifyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.departures.register({
      lockFirst: (manager, volunteerId) => this.lockReferrals(manager, volunteerId),
      departed: async (manager, volunteer, status) => {
        await this.closeProposals(manager, volunteer, status);
        await this.endMatches(manager, volunteer, status);
      },
    });
  }

  /** The referrals of the mentor's accepted matches come before the volunteer in the lock order. */
  private async lockReferrals(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(
      `SELECT r.id FROM referrals r
        WHERE r.id IN (SELECT referral_id FROM matches WHERE volunteer_id = $1 AND status = 'ACCEPTED')
        ORDER BY r.id FOR UPDATE OF r`,
      [volunteerId],
    );
  }

  private async closeProposals(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void> {
    const closed = await this.closeMatches(manager, volunteer.id, MatchStatus.PROPOSED, {
      status: MatchStatus.DECLINED,
      responded_at: this.clock.now(),
    });
    for (const match of closed) await this.announce(manager, match, status, 'match.declined');
  }

  private async endMatches(
    manager: EntityManager,
    volunteer: VolunteerProfileEntity,
    status: VolunteerStatus,
  ): Promise<void> {
    const ended = await this.closeMatches(manager, volunteer.id, MatchStatus.ACCEPTED, {
      status: MatchStatus.ENDED,
      ended_at: this.clock.now(),
      end_reason: END_REASONS[status] ?? null,
    });
    if (ended.length === 0) return;
    // A MATCHED referral whose release date has come is released, even if the morning's sweep has
    // not said so yet: that stays recorded (the date is then history).
    const [reopened]: [{ id: string; prison_code: string; released_on: string | null }[]] =
      await manager.query(
        `UPDATE referrals
          SET status = 'ACCEPTED', updated_at = now(),
              released_on = coalesce(released_on, CASE WHEN release_date <= $2::date THEN release_date END)
        WHERE id = ANY($1::uuid[]) AND status IN ('MATCHED', 'ACTIVE')
        RETURNING id, prison_code, to_char(released_on, 'YYYY-MM-DD') AS released_on`,
        [ended.map((match) => match.referral_id), this.clock.today()],
      );
    await manager.query(
      `UPDATE volunteer_profiles SET active_mentees = greatest(0, active_mentees - $2) WHERE id = $1`,
      [volunteer.id, ended.length],
    );
    for (const match of ended) await this.announce(manager, match, status, 'match.ended');
    // The referring prison plans around the mentor (a meeting at the gate): it is told too.
    const endedByReferral = new Map(ended.map((match) => [match.referral_id, match]));
    for (const referral of reopened) {
      const match = endedByReferral.get(referral.id)!;
      await this.audit.record(manager, {
        actorUserId: null,
        action: 'referral.reopened',
        entityType: 'referral',
        entityId: referral.id,
        details: { matchId: match.id, because: status, releasedOn: referral.released_on },
      });
      await this.notify.enqueue(manager, {
        kind: 'referral.mentor_left',
        recipients: [{ prisonStaffOf: referral.prison_code }],
        data: { referralId: referral.id, schemeName: match.scheme_name },
        dedupeKey: `referral.mentor_left:${referral.id}:${match.id}`,
      });
    }
  }

  /** Moves the volunteer's matches in status `from` on, returning what the announcements need. */
  private async closeMatches(
    manager: EntityManager,
    volunteerId: string,
    from: MatchStatus.PROPOSED | MatchStatus.ACCEPTED,
    set: Record<string, unknown>,
  ): Promise<MatchClosed[]> {
    const columns = Object.keys(set);
    const assignments = columns.map((column, index) => `${column} = $${index + 3}`).join(', ');
    const [closed]: [MatchClosed[]] = await manager.query(
      `UPDATE matches m SET ${assignments}, updated_at = now()
           FROM referrals r JOIN schemes s ON s.id = r.scheme_id
          WHERE m.volunteer_id = $1 AND m.status = $2 AND r.id = m.referral_id
          RETURNING m.id, m.referral_id, r.organisation_id, s.name AS scheme_name`,
      [volunteerId, from, ...Object.values(set)],
    );
    return closed;
  }

  private async announce(
    manager: EntityManager,
    match: MatchClosed,
    status: VolunteerStatus,
    kind: 'match.declined' | 'match.ended',
  ): Promise<void> {
    await this.audit.record(manager, {
      actorUserId: null,
      action: kind,
      entityType: 'match',
      entityId: match.id,
      details: { referralId: match.referral_id, because: status },
    });
    await this.notify.enqueue(manager, {
      kind,
      recipients: [{ coordinatorsOf: match.organisation_id }],
      data: {
        matchId: match.id,
        schemeName: match.scheme_name,
        ...(kind === 'match.ended' ? { mentorLeft: true } : {}),
      },
      dedupeKey: `${kind}:${match.id}`,
    });
  }
}

interface MatchClosed {
  id: string;
  referral_id: string;
  organisation_id: string;
  scheme_name: string;
}
