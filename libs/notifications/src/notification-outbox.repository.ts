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

export interface OutboxBacklog {
  unrelayed: number;
  oldestUnrelayedAt: Date | null;
}

/** Every query on notification_outbox. */
@Injectable()
export class NotificationOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts in the caller's transaction; null when a row with the dedupe key already exists. */
  async insert(manager: EntityManager, row: NewOutboxRow): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO notification_outbox (kind, recipients, data, dedupe_key)
         VALUES ($1, $2::jsonb, $3::jsonb, $4)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id
       )
       SELECT id, pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
      [row.kind, JSON.stringify(row.recipients), JSON.stringify(row.data), row.dedupeKey],
    );
    return rows[0]?.id ?? null;
  }

  /** Coordinators of an organisation at this moment (read in the caller's transaction). */
  async coordinatorIds(manager: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND organisation_id = $2 ORDER BY created_at, id`,
      [Role.COORDINATOR, organisationId],
    );
    return rows.map((row) => row.id);
  }

  /** Staff accounts of a prison (by prison code), oldest first. */
  async prisonStaffIds(manager: EntityManager, prisonCode: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND prison_code = $2 ORDER BY created_at, id`,
      [Role.PRISON_STAFF, prisonCode],
    );
    return rows.map((row) => row.id);
  }

  /** Locks the oldest unrelayed rows for this transaction; other relays skip them. */
  claimUnrelayed(manager: EntityManager, limit: number): Promise<{ id: string; round: number }[]> {
    return manager.query(
      `SELECT id, round FROM notification_outbox
       WHERE relayed_at IS NULL
       ORDER BY created_at
       LIMIT $1
       FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE notification_outbox SET relayed_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row]: { unrelayed: string; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) AS unrelayed, min(created_at) AS oldest FROM notification_outbox WHERE relayed_at IS NULL`,
    );
    return { unrelayed: Number(row.unrelayed), oldestUnrelayedAt: row.oldest };
  }

  /** Relayed before `before` and still unfinished: their job may have been lost by Redis. */
  unfinishedRelayedBefore(before: Date, limit: number): Promise<{ id: string; round: number }[]> {
    return this.dataSource.query(
      `SELECT id, round FROM notification_outbox
       WHERE relayed_at IS NOT NULL AND completed_at IS NULL AND relayed_at < $1
       ORDER BY relayed_at
       LIMIT $2`,
      [before, limit],
    );
  }

  /** Hands the row to the relay again, as a new round (so it gets a new job id). */
  async relayAgain(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `WITH updated AS (
         UPDATE notification_outbox SET round = round + 1, relayed_at = NULL, completed_at = NULL
         WHERE id = $1 RETURNING id
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM updated`,
      [id],
    );
  }

  /** Touches relayed_at so the reconciler does not look at the row again for a while. */
  async touchRelayed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification_outbox SET relayed_at = now() WHERE id = $1`, [
      id,
    ]);
  }
}

/** BullMQ job id of an outbox row's round: the row id, then `<id>-r<round>` for admin retries. */
export function outboxJobId(id: string, round: number): string {
  return round === 0 ? id : `${id}-r${round}`;
}
