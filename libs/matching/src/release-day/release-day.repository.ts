import { prisonDisplayName } from '@app/schemes/places';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A referral the sweep made ACTIVE. */
export interface ActivatedReferral {
  id: string;
  releaseDate: string;
}

/** Where and with whom a referral's release day happens, for the mentor's notifications. */
export interface ReleaseSetting {
  schemeName: string;
  /** The scheme meets people in the referring prison before release (its prisonsServed). */
  throughTheGate: boolean;
  /** The referring prison's name, e.g. "HMP Leeds". */
  prisonName: string | null;
}

/** A MATCHED referral to be released within the reminder window, with its accepted match's mentor. */
export interface ReminderCandidate extends ReleaseSetting {
  referralId: string;
  matchId: string;
  mentorUserId: string;
  releaseDate: string;
  daysLeft: number;
}

/** The live (proposed or accepted) match of a referral and its mentor's account. */
export interface LiveMentor {
  matchId: string;
  status: string;
  mentorUserId: string;
}

const SETTING_COLUMNS = `s.name AS scheme_name, r.prison_code = ANY(s.prisons_served) AS through_the_gate,
  p.name AS prison_name`;

interface SettingRow {
  scheme_name: string;
  through_the_gate: boolean;
  prison_name: string | null;
}

function setting(row: SettingRow): ReleaseSetting {
  return {
    schemeName: row.scheme_name,
    throughTheGate: row.through_the_gate,
    prisonName: row.prison_name === null ? null : prisonDisplayName(row.prison_name),
  };
}

/** The queries of the release-day sweep and of re-planning after a release date changes. */
@Injectable()
export class ReleaseDayRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * MATCHED referrals whose release date has come become ACTIVE, released on it (one statement;
   * rows locked by a concurrent change are re-checked after it commits, so a date moved later is
   * respected).
   */
  activateDue(manager: EntityManager, today: string): Promise<ActivatedReferral[]> {
    return manager
      .query(
        `UPDATE referrals SET status = 'ACTIVE', released_on = coalesce(released_on, release_date), updated_at = now()
          WHERE status = 'MATCHED' AND release_date <= $1::date
          RETURNING id, to_char(release_date, 'YYYY-MM-DD') AS release_date`,
        [today],
      )
      .then(([rows]: [{ id: string; release_date: string }[]]) =>
        rows.map((row) => ({ id: row.id, releaseDate: row.release_date })),
      );
  }

  /**
   * MATCHED referrals released after today and at most `withinDays` days from it; never one whose
   * person was already released (a re-matched referral is ACTIVE, but the reminder must not rely on it).
   */
  async remindersDue(today: string, withinDays: number): Promise<ReminderCandidate[]> {
    const rows: (SettingRow & {
      referral_id: string;
      match_id: string;
      user_id: string;
      release_date: string;
      days_left: number;
    })[] = await this.dataSource.query(
      `SELECT r.id AS referral_id, m.id AS match_id, v.user_id,
              to_char(r.release_date, 'YYYY-MM-DD') AS release_date,
              r.release_date - $1::date AS days_left, ${SETTING_COLUMNS}
         FROM referrals r
         JOIN matches m ON m.referral_id = r.id AND m.status = 'ACCEPTED'
         JOIN volunteer_profiles v ON v.id = m.volunteer_id
         JOIN schemes s ON s.id = r.scheme_id
         LEFT JOIN prisons p ON p.code = r.prison_code
        WHERE r.status = 'MATCHED' AND r.released_on IS NULL
          AND r.release_date > $1::date AND r.release_date <= $1::date + $2::int
        ORDER BY r.release_date, r.id`,
      [today, withinDays],
    );
    return rows.map((row) => ({
      ...setting(row),
      referralId: row.referral_id,
      matchId: row.match_id,
      mentorUserId: row.user_id,
      releaseDate: row.release_date,
      daysLeft: Number(row.days_left),
    }));
  }

  /**
   * True while the referral is still MATCHED with this release date, holding a share lock until the
   * caller's transaction ends, so a reminder never goes out for a date changed a moment before.
   */
  async stillDue(
    manager: EntityManager,
    referralId: string,
    releaseDate: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM referrals
        WHERE id = $1 AND status = 'MATCHED' AND released_on IS NULL AND release_date = $2::date
        FOR SHARE`,
      [referralId, releaseDate],
    );
    return rows.length > 0;
  }

  /** The scheme and prison of a referral, read in the caller's transaction. */
  async settingOf(manager: EntityManager, referralId: string): Promise<ReleaseSetting | null> {
    const rows: SettingRow[] = await manager.query(
      `SELECT ${SETTING_COLUMNS}
         FROM referrals r
         JOIN schemes s ON s.id = r.scheme_id
         LEFT JOIN prisons p ON p.code = r.prison_code
        WHERE r.id = $1`,
      [referralId],
    );
    return rows[0] ? setting(rows[0]) : null;
  }

  /** The proposed or accepted match of a referral (at most one) and its mentor's user id. */
  async liveMentorOf(manager: EntityManager, referralId: string): Promise<LiveMentor | null> {
    const rows: { id: string; status: string; user_id: string }[] = await manager.query(
      `SELECT m.id, m.status, v.user_id
         FROM matches m JOIN volunteer_profiles v ON v.id = m.volunteer_id
        WHERE m.referral_id = $1 AND m.status IN ('PROPOSED', 'ACCEPTED')`,
      [referralId],
    );
    const row = rows[0];
    return row ? { matchId: row.id, status: row.status, mentorUserId: row.user_id } : null;
  }
}
