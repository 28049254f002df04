import { Role } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxRecipient } from './notification-outbox.entity';

/** The channel the relay LISTENs on; every outbox write NOTIFYs it (delivered at commit). */
export const OUTBOX_CHANNEL = 'notification_outbox';

export interface NewOutboxRow {
  kind: string;
  recipients: OutboxRecipient[];
  data: Record<string, unknown>;
  dedupeKey: string | null;
}

/** A claimed row, with what rendering needs as JSON text: `[kind, data, recipients]`. */
export interface ClaimedOutboxRow {
  id: string;
  round: number;
  content: string;
}

export interface OutboxBacklog {
  unrelayed: number;
  oldestUnrelayedAt: Date | null;
}

/** Every query on notification_outbox. */
@Injectable()
export class NotificationOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the row and its pending state in the caller's transaction; null when a row with the
   * dedupe key already exists.
   */
  async insert(manager: EntityManager, row: NewOutboxRow): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO notification_outbox (kind, recipients, data, dedupe_key)
         VALUES ($1, $2::jsonb, $3::jsonb, $4)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, created_at
       ),
       pending AS (
         INSERT INTO notification_outbox_pending (outbox_id, created_at) SELECT id, created_at FROM inserted
       )
       SELECT id, pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
      [row.kind, JSON.stringify(row.recipients), JSON.stringify(row.data), row.dedupeKey],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Coordinators of an organisation at this moment (read in the caller's transaction); disabled
   * accounts are left out, as they are for prison staff: they no longer act on anything.
   */
  async coordinatorIds(manager: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND organisation_id = $2 AND disabled_at IS NULL ORDER BY created_at, id`,
      [Role.COORDINATOR, organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** Enabled staff accounts of a prison (by prison code), oldest first. */
  async prisonStaffIds(manager: EntityManager, prisonCode: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND prison_code = $2 AND disabled_at IS NULL ORDER BY created_at, id`,
      [Role.PRISON_STAFF, prisonCode],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Marks the oldest unrelayed rows relayed in the caller's transaction, which must queue their jobs
   * before it commits (and roll back if it cannot): rows another relay holds are skipped. Returns
   * them with their content as one JSON text, `[kind, data, recipients]`, which the relay leaves
   * for the delivery jobs in this process (OutboxRowCache): a string costs the garbage collector
   * far less to keep than the parsed objects.
   */
  claimUnrelayed(manager: EntityManager, limit: number): Promise<ClaimedOutboxRow[]> {
    return manager.query(
      `WITH claimed AS (
         UPDATE notification_outbox_pending p SET relayed_at = now()
         FROM notification_outbox o
         WHERE o.id = p.outbox_id
           AND p.outbox_id IN (
             SELECT outbox_id FROM notification_outbox_pending
             WHERE relayed_at IS NULL
             ORDER BY created_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED
           )
         RETURNING p.outbox_id AS id, p.round, p.created_at,
                   json_build_array(o.kind, o.data, o.recipients)::text AS content
       )
       SELECT id, round, content FROM claimed ORDER BY created_at`,
      [limit],
    );
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row]: { unrelayed: string; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) AS unrelayed, min(created_at) AS oldest FROM notification_outbox_pending WHERE relayed_at IS NULL`,
    );
    return { unrelayed: Number(row.unrelayed), oldestUnrelayedAt: row.oldest };
  }

  /** Relayed before `before` and still unfinished: their job may have been lost by Redis. */
  unfinishedRelayedBefore(before: Date, limit: number): Promise<{ id: string; round: number }[]> {
    return this.dataSource.query(
      `SELECT outbox_id AS id, round FROM notification_outbox_pending
       WHERE relayed_at < $1
       ORDER BY relayed_at
       LIMIT $2`,
      [before, limit],
    );
  }

  /**
   * Hands the row to the relay again, as a new round (so it gets a new job id): after a lost job,
   * or an ADMIN's retry of a row that had finished.
   */
  async relayAgain(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `WITH next AS (
         UPDATE notification_outbox SET round = round + 1 WHERE id = $1 RETURNING id, round
       ),
       pending AS (
         INSERT INTO notification_outbox_pending (outbox_id, round)
         SELECT id, round FROM next
         ON CONFLICT (outbox_id) DO UPDATE
           SET round = EXCLUDED.round, relayed_at = NULL, created_at = now()
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM next`,
      [id],
    );
  }

  /** Touches relayed_at so the reconciler does not look at the row again for a while. */
  async touchRelayed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox_pending SET relayed_at = now() WHERE outbox_id = $1 AND relayed_at IS NOT NULL`,
      [id],
    );
  }

  /**
   * Deletes up to `limit` finished rows (no pending state: relayed, and every channel delivered or
   * failed for good) created before `before`, with their email and SMS delivery records; in-app
   * notifications stay. Returns how many. With `kind`, only rows of that kind (the kinds purged early).
   */
  async purgeFinished(before: Date, limit: number, kind: string | null = null): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `DELETE FROM notification_outbox WHERE id IN (
         SELECT o.id FROM notification_outbox o
         WHERE o.created_at < $1
           AND ($3::varchar IS NULL OR o.kind = $3)
           AND NOT EXISTS (SELECT 1 FROM notification_outbox_pending p WHERE p.outbox_id = o.id)
         LIMIT $2
       )
       RETURNING id`,
      [before, limit, kind],
    );
    return rows.length;
  }
}

/** BullMQ job id of an outbox row's round: the row id, then `<id>-r<round>` for admin retries. */
export function outboxJobId(id: string, round: number): string {
  return round === 0 ? id : `${id}-r${round}`;
}

/** The round a job id stands for (the inverse of outboxJobId). */
export function roundOfJobId(jobId: string | undefined): number {
  const match = /-r(\d+)$/.exec(jobId ?? '');
  return match ? Number(match[1]) : 0;
}
