import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ResetTokenRow {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Every query on password_reset_tokens; each runs in the caller's transaction. */
@Injectable()
export class PasswordResetTokenRepository {
  /**
   * The enabled account with this (normalised) email, locked until the transaction ends so two
   * requests for one account replace each other's token in turn; null when there is none.
   */
  async lockEnabledUser(manager: EntityManager, email: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL FOR UPDATE',
      [email],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Replaces the user's reset tokens with this one. With no user (an unknown or disabled email) it
   * changes nothing but costs the same statement, and like a real write it gives the transaction an
   * id, so its commit is flushed the same way. (requestPasswordReset answers before this runs; the
   * work is still kept alike, so the database's load says as little as possible.)
   */
  async replace(
    manager: EntityManager,
    userId: string | null,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `WITH removed AS (DELETE FROM password_reset_tokens WHERE user_id = $1::uuid),
       inserted AS (
         INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
         SELECT $1::uuid, $2, $3 WHERE $1::uuid IS NOT NULL
       )
       SELECT pg_current_xact_id()`,
      [userId, tokenHash, expiresAt],
    );
  }

  /** Whose token this is, unlocked (the user's row is locked first, then the token's: one order everywhere). */
  async ownerOf(manager: EntityManager, tokenHash: string): Promise<string | null> {
    const rows: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM password_reset_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** The token's row, locked until the transaction ends, so it can be used once only. */
  async lock(manager: EntityManager, tokenHash: string): Promise<ResetTokenRow | null> {
    const rows: ResetTokenRow[] = await manager.query(
      `SELECT id, user_id AS "userId", expires_at AS "expiresAt", used_at AS "usedAt"
       FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Marks the token used and deletes the user's other tokens. */
  async markUsed(manager: EntityManager, row: ResetTokenRow, at: Date): Promise<void> {
    await manager.query(
      `WITH used AS (UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1)
       DELETE FROM password_reset_tokens WHERE user_id = $3 AND id <> $1`,
      [row.id, at, row.userId],
    );
  }

  /** After a password change, no earlier link may set another password. */
  async deleteForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM password_reset_tokens WHERE user_id = $1', [userId]);
  }
}
