import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A notification's place in its recipient's newest-first inbox; createdAt as PostgreSQL prints it. */
export interface InboxPosition {
  id: string;
  createdAt: string;
}

const COLUMNS = `id, kind, subject, body, created_at AS "createdAt", read_at AS "readAt"`;

/** Every query on the in-app notifications a person reads. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, continuing after `after` (from `positionOf`) when given. */
  listForUser(
    userId: string,
    unreadOnly: boolean,
    after: InboxPosition | null,
    limit: number,
  ): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
         AND ($4::uuid IS NULL OR (created_at, id) < ($5::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $3`,
      [userId, unreadOnly, limit, after?.id ?? null, after?.createdAt ?? null],
    );
  }

  /**
   * Where one of the user's notifications sits in their inbox, to the microsecond (a JS Date would
   * round it; rows written in one batch share a time); null unless it is theirs.
   */
  async positionOf(userId: string, id: string): Promise<InboxPosition | null> {
    const rows: InboxPosition[] = await this.dataSource.query(
      `SELECT id, created_at::text AS "createdAt" FROM notifications WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /** Marks it read (keeping the first read time); null unless it is this user's. */
  async markRead(id: string, userId: string): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now())
         WHERE id = $1 AND user_id = $2
         RETURNING ${COLUMNS}
       )
       SELECT * FROM updated`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /** Marks every unread notification of the user read; how many there were. */
  async markAllRead(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1
       )
       SELECT count(*)::int AS n FROM updated`,
      [userId],
    );
    return rows[0].n;
  }
}
