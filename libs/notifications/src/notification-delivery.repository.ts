import { KeysetCursor } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { Channel } from './channels/channel';
import { DeliveryStatus } from './notification-delivery.entity';
import { OutboxRecipient } from './notification-outbox.entity';

/** What rendering an outbox row needs. */
export interface OutboxContent {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  recipients: OutboxRecipient[];
}

/** An outbox row as the worker needs it to send email or SMS, with what has already happened to it. */
export interface DeliveryContext extends OutboxContent {
  /** Recipients who still have an account. */
  addresses: RecipientAddress[];
  /** Email and SMS status per `${userId}:${channel}` (in-app needs none: see NotificationEntity). */
  deliveries: Map<string, DeliveryStatus>;
}

/** Where and how a recipient wants to hear from us. */
export interface RecipientAddress {
  userId: string;
  email: string;
  emailEnabled: boolean;
  smsEnabled: boolean;
  phoneNumber: string | null;
}

/** What one job did, written in one statement with the other jobs of its batch. */
export interface DeliveryOutcome {
  outboxId: string;
  /** The job's round: only the job of the current round finishes the row. */
  round: number;
  /** In-app notifications; a person whose account is gone is skipped, one already notified too. */
  inApp: { userId: string; kind: string; subject: string; body: string }[];
  /** Email and SMS accepted by the provider. */
  delivered: { userId: string; channel: Channel }[];
  failed: { userId: string; channel: Channel; error: string; final: boolean }[];
  /** Every channel of every recipient is now DELIVERED or FAILED. */
  complete: boolean;
}

export interface FailedDeliveryRow {
  id: string;
  status: DeliveryStatus;
  outboxId: string;
  userId: string;
  channel: Channel;
  failures: number;
  lastError: string | null;
  kind: string;
  createdAt: Date;
  updatedAt: Date;
}

const DELIVERY_COLUMNS = `d.id, d.status, d.outbox_id AS "outboxId", d.user_id AS "userId", d.channel, d.failures,
  d.last_error AS "lastError", d.updated_at AS "updatedAt", o.kind, o.created_at AS "createdAt"`;

export function deliveryKey(userId: string, channel: Channel): string {
  return `${userId}:${channel}`;
}

/** Every query on notification_deliveries and the in-app notifications the worker writes. */
@Injectable()
export class NotificationDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Outbox rows with their recipients' addresses and preferences and what has been delivered, in
   * one statement for a whole batch of jobs.
   */
  async loadContexts(outboxIds: readonly string[]): Promise<DeliveryContext[]> {
    // Deliveries hold email and SMS only; in-app is proven by the notification row itself.
    const rows: (Omit<DeliveryContext, 'deliveries'> & {
      deliveries: [string, Channel, DeliveryStatus][];
    })[] = await this.hotQuery(LOAD_CONTEXTS_SQL, [outboxIds], 'notifications.load-contexts');
    return rows.map((row) => ({
      ...row,
      deliveries: new Map(
        row.deliveries.map(([userId, channel, status]) => [deliveryKey(userId, channel), status]),
      ),
    }));
  }

  /**
   * Writes the outcomes of a batch of jobs in one statement: in-app notifications, DELIVERED and
   * failed email/SMS, finished outbox rows (their pending state deleted). The unique keys make a
   * repeat a no-op, and a DELIVERED channel never goes back to failed. Batches with nothing but
   * in-app notifications, the common case, use a shorter statement and commit with
   * synchronous_commit off (a PostgreSQL crash can lose the last fraction of a second of them; the
   * deletion of their pending rows is undone with them, so the relay's check sends them again,
   * still once).
   */
  async record(outcomes: readonly DeliveryOutcome[]): Promise<void> {
    // Plain loops: this runs for every job. Repeats need no care here: ON CONFLICT DO NOTHING
    // skips a second row with the same key, and deleting a pending row twice is a no-op.
    const outboxIds: string[] = [];
    const userIds: string[] = [];
    const kinds: string[] = [];
    const subjects: string[] = [];
    const bodies: string[] = [];
    const finishedIds: string[] = [];
    const finishedRounds: number[] = [];
    let inAppOnly = true;
    for (const outcome of outcomes) {
      for (const notification of outcome.inApp) {
        outboxIds.push(outcome.outboxId);
        userIds.push(notification.userId);
        kinds.push(notification.kind);
        subjects.push(notification.subject);
        bodies.push(notification.body);
      }
      if (outcome.complete) {
        finishedIds.push(outcome.outboxId);
        finishedRounds.push(outcome.round);
      }
      if (outcome.delivered.length > 0 || outcome.failed.length > 0) inAppOnly = false;
    }
    const inAppParams = [outboxIds, userIds, kinds, subjects, bodies, finishedIds, finishedRounds];
    if (inAppOnly) {
      await this.hotQuery(RECORD_IN_APP_SQL, inAppParams, 'notifications.record-in-app');
      return;
    }
    const delivered = uniqueBy(
      outcomes.flatMap((o) => o.delivered.map((d) => ({ ...d, outboxId: o.outboxId }))),
      (d) => `${d.outboxId}:${deliveryKey(d.userId, d.channel)}`,
    );
    const deliveredKeys = new Set(
      delivered.map((d) => `${d.outboxId}:${deliveryKey(d.userId, d.channel)}`),
    );
    const failed = uniqueBy(
      outcomes.flatMap((o) => o.failed.map((f) => ({ ...f, outboxId: o.outboxId }))),
      (f) => `${f.outboxId}:${deliveryKey(f.userId, f.channel)}`,
    ).filter((f) => !deliveredKeys.has(`${f.outboxId}:${deliveryKey(f.userId, f.channel)}`));
    await this.hotQuery(
      RECORD_ALL,
      [
        ...inAppParams,
        delivered.map((d) => d.outboxId),
        delivered.map((d) => d.userId),
        delivered.map((d) => d.channel),
        failed.map((f) => f.outboxId),
        failed.map((f) => f.userId),
        failed.map((f) => f.channel),
        failed.map((f) => (f.final ? DeliveryStatus.FAILED : DeliveryStatus.PENDING)),
        failed.map((f) => f.error.slice(0, 500)),
      ],
      'notifications.record-all',
    );
  }

  /**
   * The worker's per-job statements go straight to the pg pool: TypeORM's query runner adds a
   * measurable cost per call at thousands of jobs a second, and these need none of what it adds.
   */
  private async hotQuery<T>(sql: string, params: unknown[], name?: string): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    // A named statement is parsed and planned once per connection.
    const result = await pool.query({ text: sql, values: params, name });
    return result.rows as T[];
  }

  /** Gives up on whatever is not DELIVERED yet (a job lost or stalled for good); returns how many. */
  async failUnfinished(outboxId: string, reason: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE notification_deliveries SET status = '${DeliveryStatus.FAILED}', last_error = $2, updated_at = now()
         WHERE outbox_id = $1 AND status = '${DeliveryStatus.PENDING}' RETURNING id
       ), finished AS (
         DELETE FROM notification_outbox_pending WHERE outbox_id = $1
       )
       SELECT id FROM failed`,
      [outboxId, reason],
    );
    return rows.length;
  }

  async listFailed(
    first: number,
    after: KeysetCursor | null,
  ): Promise<{ rows: FailedDeliveryRow[]; totalCount: number }> {
    const [rows, totalCount] = await Promise.all([
      this.dataSource.query(
        `SELECT ${DELIVERY_COLUMNS}
         FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id
         WHERE d.status = '${DeliveryStatus.FAILED}'
           AND ($2::timestamptz IS NULL OR (d.updated_at, d.id) < ($2::timestamptz, $3::uuid))
         ORDER BY d.updated_at DESC, d.id DESC
         LIMIT $1`,
        [first + 1, after?.createdAt ?? null, after?.id ?? null],
      ) as Promise<FailedDeliveryRow[]>,
      this.countFailed(),
    ]);
    return { rows, totalCount };
  }

  async countFailed(): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE status = '${DeliveryStatus.FAILED}'`,
    );
    return row.n;
  }

  async findById(id: string): Promise<FailedDeliveryRow | null> {
    const rows: FailedDeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}
       FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id
       WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The failed delivery, locked for the caller's transaction; null if none or not FAILED. */
  async lockFailed(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; outboxId: string } | null> {
    const rows: { id: string; outboxId: string }[] = await manager.query(
      `SELECT id, outbox_id AS "outboxId" FROM notification_deliveries
       WHERE id = $1 AND status = '${DeliveryStatus.FAILED}' FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Makes a FAILED delivery eligible again for the next job of its outbox row. */
  async reopen(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE notification_deliveries SET status = '${DeliveryStatus.PENDING}', updated_at = now() WHERE id = $1`,
      [id],
    );
  }
}

/** Outbox rows (`$1`) with their recipients' addresses and preferences and their email/SMS deliveries. */
export const LOAD_CONTEXTS_SQL = `SELECT o.id, o.kind, o.data, o.recipients,
         COALESCE((SELECT json_agg(json_build_array(d.user_id, d.channel, d.status))
            FROM notification_deliveries d WHERE d.outbox_id = o.id), '[]') AS deliveries,
         COALESCE((SELECT json_agg(json_build_object(
                     'userId', u.id, 'email', u.email,
                     'emailEnabled', COALESCE(p.email_enabled, true),
                     'smsEnabled', COALESCE(p.sms_enabled, false),
                     'phoneNumber', p.phone_number))
            FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
            WHERE u.id IN (SELECT (r ->> 'userId')::uuid FROM jsonb_array_elements(o.recipients) AS r)),
           '[]') AS addresses
  FROM notification_outbox o
  WHERE o.id = ANY($1::uuid[])`;

/** The in-app part of a batch; also finishes rows. `$6, $7`: finished (outbox id, round). */
const IN_APP_AND_FINISH = `
  in_app AS (
    INSERT INTO notifications (outbox_id, user_id, kind, subject, body)
    SELECT t.* FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::text[]) AS t(o, u, k, s, b)
    WHERE EXISTS (SELECT 1 FROM users WHERE users.id = t.u)
    ON CONFLICT (outbox_id, user_id) DO NOTHING
  ),
  finished AS (
    DELETE FROM notification_outbox_pending p
    USING unnest($6::uuid[], $7::smallint[]) AS f(o, r)
    WHERE p.outbox_id = f.o AND p.round = f.r
  )`;

export const RECORD_IN_APP_SQL = `WITH ${IN_APP_AND_FINISH},
  commit_mode AS (SELECT set_config('synchronous_commit', 'off', true))
  SELECT (SELECT count(*) FROM commit_mode)`;

const RECORD_ALL = `WITH ${IN_APP_AND_FINISH},
  delivered AS (
    INSERT INTO notification_deliveries (outbox_id, user_id, channel, status, delivered_at)
    SELECT o, u, c, '${DeliveryStatus.DELIVERED}', now()
    FROM unnest($8::uuid[], $9::uuid[], $10::varchar[]) AS t(o, u, c)
    ON CONFLICT (outbox_id, user_id, channel) DO UPDATE
      SET status = EXCLUDED.status, delivered_at = EXCLUDED.delivered_at, updated_at = now()
      WHERE notification_deliveries.status <> '${DeliveryStatus.DELIVERED}'
  ),
  failed AS (
    INSERT INTO notification_deliveries (outbox_id, user_id, channel, status, failures, last_error)
    SELECT o, u, c, s, 1, e
    FROM unnest($11::uuid[], $12::uuid[], $13::varchar[], $14::varchar[], $15::varchar[]) AS t(o, u, c, s, e)
    ON CONFLICT (outbox_id, user_id, channel) DO UPDATE
      SET status = EXCLUDED.status, failures = notification_deliveries.failures + 1,
          last_error = EXCLUDED.last_error, updated_at = now()
      WHERE notification_deliveries.status <> '${DeliveryStatus.DELIVERED}'
  )
  SELECT 1`;

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
