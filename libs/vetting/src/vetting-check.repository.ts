import { AuditEventEntity, UK_TIME_ZONE } from '@app/core';
import { PrisonEntity } from '@app/geo/prison.entity';
import { OrganisationEntity } from '@app/organisations/organisation.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsSelect, In } from 'typeorm';
import { VettingCheckKind, VettingCheckStatus } from './clearance';
import { VettingCheckEntity } from './vetting-check.entity';

/** Every column but `notes`: reading notes is audited, so only `notesOf` reads them. */
const WITHOUT_NOTES = [
  'id',
  'volunteerId',
  'kind',
  'status',
  'outcome',
  'dbsLevel',
  'barredLists',
  'barredOn',
  'certificateNumber',
  'issuedOn',
  'expiresOn',
  'updateServiceSubscribed',
  'updateServiceCheckedOn',
  'superseded',
  'requestedAt',
  'decidedAt',
  'decidedBy',
  'notesPurgedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof VettingCheckEntity)[];
const SELECT_WITHOUT_NOTES = Object.fromEntries(
  WITHOUT_NOTES.map((column) => [column, true]),
) as FindOptionsSelect<VettingCheckEntity>;

export type VettingCheckRow = Omit<VettingCheckEntity, 'notes' | 'volunteer'>;

export type NewVettingCheck = Pick<
  VettingCheckEntity,
  'volunteerId' | 'kind' | 'dbsLevel' | 'barredLists' | 'requestedAt'
>;

export type RecordedOutcome = Pick<
  VettingCheckEntity,
  | 'status'
  | 'outcome'
  | 'barredOn'
  | 'certificateNumber'
  | 'issuedOn'
  | 'expiresOn'
  | 'updateServiceSubscribed'
  | 'decidedAt'
  | 'decidedBy'
  | 'notes'
>;

export type UpdateServiceChange = Partial<
  Pick<
    VettingCheckEntity,
    'status' | 'expiresOn' | 'updateServiceSubscribed' | 'updateServiceCheckedOn' | 'superseded'
  >
>;

/** A check coming up to its re-check date, with the organisation whose coordinators are reminded. */
export interface RecheckDue {
  id: string;
  kind: VettingCheckKind;
  expiresOn: string;
  daysLeft: number;
  organisationId: string;
}

/** What the purge and the expiry leave behind, for their audit events. */
export interface ChangedCheck {
  id: string;
  kind: VettingCheckKind;
  volunteerId: string;
}

/** Every query on vetting checks (and the few reference reads vetting needs). */
@Injectable()
export class VettingCheckRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, values: NewVettingCheck): Promise<VettingCheckRow> {
    const repository = manager.getRepository(VettingCheckEntity);
    const { notes: _notes, ...saved } = await repository.save(
      repository.create({ ...values, status: VettingCheckStatus.REQUESTED }),
    );
    return saved;
  }

  findById(id: string): Promise<VettingCheckRow | null> {
    return this.dataSource
      .getRepository(VettingCheckEntity)
      .findOne({ where: { id }, select: SELECT_WITHOUT_NOTES });
  }

  /** The check, locked until the caller's transaction ends (an outcome is recorded once). */
  lockById(manager: EntityManager, id: string): Promise<VettingCheckRow | null> {
    return manager
      .getRepository(VettingCheckEntity)
      .createQueryBuilder('c')
      .select(WITHOUT_NOTES.map((column) => `c.${column}`))
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** Every check of each volunteer, newest first; `manager` to read inside a transaction. */
  findByVolunteerIds(
    volunteerIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VettingCheckRow[]> {
    if (volunteerIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(VettingCheckEntity).find({
      where: { volunteerId: In([...volunteerIds]) },
      select: SELECT_WITHOUT_NOTES,
      order: { requestedAt: 'DESC', id: 'DESC' },
    });
  }

  async recordOutcome(manager: EntityManager, id: string, outcome: RecordedOutcome): Promise<void> {
    await manager.getRepository(VettingCheckEntity).update({ id }, outcome);
  }

  async updateServiceChange(
    manager: EntityManager,
    id: string,
    change: UpdateServiceChange,
  ): Promise<void> {
    await manager.getRepository(VettingCheckEntity).update({ id }, change);
  }

  /**
   * The notes of these checks, and an audit event for each one actually read (not null), written
   * in one transaction: a read the audit trail does not show never happens.
   */
  notesOf(ids: readonly string[], reader: string): Promise<Map<string, string | null>> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; notes: string | null; kind: string }[] = await manager.query(
        `SELECT id, notes, kind FROM vetting_checks WHERE id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const read = rows.filter((row) => row.notes !== null);
      if (read.length > 0) {
        const events = read.map((row) => ({
          actorUserId: reader,
          action: 'vetting.notes_read',
          entityType: 'vetting_check',
          entityId: row.id,
          details: { kind: row.kind },
        }));
        await manager.getRepository(AuditEventEntity).insert(events);
      }
      return new Map(rows.map((row) => [row.id, row.notes]));
    });
  }

  /** The organisation's re-check period for DBS certificates (3 years without an organisation). */
  async dbsRecheckYears(manager: EntityManager, organisationId: string | null): Promise<number> {
    if (!organisationId) return 3;
    const organisation = await manager
      .getRepository(OrganisationEntity)
      .findOne({ where: { id: organisationId }, select: { id: true, dbsRecheckYears: true } });
    return organisation?.dbsRecheckYears ?? 3;
  }

  /** Prison names by code ("LEI" → "Leeds (HMP)"). */
  async prisonNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(PrisonEntity)
      .find({ where: { code: In([...codes]) }, select: { code: true, name: true } });
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  /**
   * Marks CLEAR and DISCLOSURE checks whose re-check date has passed as EXPIRED: on the date
   * itself the check still counts (countsOn), so it expires on the next day's run.
   */
  expireDue(manager: EntityManager, today: string): Promise<ChangedCheck[]> {
    return manager
      .query(
        `UPDATE vetting_checks SET status = 'EXPIRED', updated_at = now()
         WHERE status IN ('CLEAR', 'DISCLOSURE') AND expires_on < $1::date
         RETURNING id, kind, volunteer_id`,
        [today],
      )
      .then(([rows]: [{ id: string; kind: VettingCheckKind; volunteer_id: string }[]]) =>
        rows.map((row) => ({ id: row.id, kind: row.kind, volunteerId: row.volunteer_id })),
      );
  }

  /**
   * Whether the check still counts with this re-check date (no renewal or new outcome since it was
   * listed), held in the caller's transaction (FOR SHARE) until its reminder is written.
   */
  async stillDueForRecheck(
    manager: EntityManager,
    checkId: string,
    expiresOn: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM vetting_checks
        WHERE id = $1 AND status IN ('CLEAR', 'DISCLOSURE') AND NOT superseded
          AND expires_on = $2::date
        FOR SHARE`,
      [checkId, expiresOn],
    );
    return rows.length > 0;
  }

  /**
   * Checks that count and reach their re-check date within `withinDays` (today included: it is
   * the last day they count), of volunteers still with an organisation. A check another check of
   * the same kind outlasts (a renewal, a higher level covering the same lists) is left out: nobody
   * needs reminding about it.
   */
  async recheckDue(today: string, withinDays: number): Promise<RecheckDue[]> {
    const rows: {
      id: string;
      kind: VettingCheckKind;
      expires_on: string;
      days_left: number;
      organisation_id: string;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.kind, to_char(c.expires_on, 'YYYY-MM-DD') AS expires_on,
              c.expires_on - $1::date AS days_left, v.organisation_id
         FROM vetting_checks c
         JOIN volunteer_profiles v ON v.id = c.volunteer_id
        WHERE c.status IN ('CLEAR', 'DISCLOSURE') AND NOT c.superseded
          AND c.expires_on >= $1::date AND c.expires_on <= $1::date + $2::int
          AND v.organisation_id IS NOT NULL AND v.status NOT IN ('WITHDRAWN', 'REJECTED')
          AND NOT EXISTS (
            SELECT 1 FROM vetting_checks n
             WHERE n.volunteer_id = c.volunteer_id AND n.kind = c.kind AND n.id <> c.id
               AND n.status IN ('CLEAR', 'DISCLOSURE') AND NOT n.superseded
               AND n.expires_on > c.expires_on
               AND n.barred_lists @> c.barred_lists
               AND coalesce(array_position(ARRAY['BASIC', 'STANDARD', 'ENHANCED'], n.dbs_level), 0)
                   >= coalesce(array_position(ARRAY['BASIC', 'STANDARD', 'ENHANCED'], c.dbs_level), 0))
        ORDER BY c.expires_on, c.id`,
      [today, withinDays],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      expiresOn: row.expires_on,
      daysLeft: Number(row.days_left),
      organisationId: row.organisation_id,
    }));
  }

  /**
   * Blanks the notes of DBS checks and risk assessments decided on or before `cutoff`, leaving the
   * decision, who made it and when; at most `limit` at a time.
   */
  purgeNotes(
    manager: EntityManager,
    months: number,
    today: string,
    purgedAt: Date,
    limit: number,
  ): Promise<ChangedCheck[]> {
    // The decision's UK date plus the months, as the calendar counts them (31 Aug + 6 = 28 Feb).
    return manager
      .query(
        `UPDATE vetting_checks SET notes = NULL, notes_purged_at = $2, updated_at = now()
         WHERE id IN (
           SELECT id FROM vetting_checks
            WHERE notes IS NOT NULL AND kind = ANY($3::text[])
              AND ((decided_at AT TIME ZONE '${UK_TIME_ZONE}')::date
                   + make_interval(months => $1))::date <= $5::date
            ORDER BY decided_at
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
         RETURNING id, kind, volunteer_id`,
        [months, purgedAt, PURGED_KINDS, limit, today],
      )
      .then(([rows]: [{ id: string; kind: VettingCheckKind; volunteer_id: string }[]]) =>
        rows.map((row) => ({ id: row.id, kind: row.kind, volunteerId: row.volunteer_id })),
      );
  }
}

/** Kinds whose notes come from disclosure information and are purged (DBS Code of Practice). */
export const PURGED_KINDS: readonly VettingCheckKind[] = [
  VettingCheckKind.DBS,
  VettingCheckKind.CONVICTION_RISK_ASSESSMENT,
];
