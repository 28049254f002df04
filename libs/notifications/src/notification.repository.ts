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

const COLUMNS = `id, kind, subject, body, created_at AS "createdAt", read_at AS "readAt"`;

/** Every query on the in-app notifications a person reads. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first. */
  listForUser(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
       ORDER BY created_at DESC, id DESC
       LIMIT $3`,
      [userId, unreadOnly, limit],
    );
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
}
