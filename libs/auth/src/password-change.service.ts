import { AuditService, AuthUser, Clock, DomainError, ErrorCode } from '@app/core';
import { NotifyService } from '@app/notifications/notify.service';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountStatusCache } from './account-status.cache';
import { ACCOUNT_DISABLED, toAuthUser } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { checkPasswordStrength, hashPassword, normaliseEmail, verifyPassword } from './password';
import { PasswordResetLimit } from './password-reset-limit';
import { PasswordResetTokenRepository, ResetTokenRow } from './password-reset-token.repository';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** The one answer for a reset token that is unknown, used, replaced or expired. */
export const INVALID_RESET_LINK = 'This reset link is invalid or has expired';

/** 32 random bytes in base64url, as issued. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface SignedIn {
  accessToken: string;
  user: UserEntity;
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidLink(): DomainError {
  return DomainError.badInput('token', INVALID_RESET_LINK);
}

/**
 * Changing a password (signed in, with the current one) and resetting a forgotten one with an
 * emailed single-use link. Either way the new password follows the registration policy
 * (`checkPasswordStrength`), the token version is bumped so every other session ends, earlier
 * reset links stop working, the change is audited and the person is told (account.password_changed);
 * the caller gets a fresh token. Neither passwords nor reset tokens are logged, audited or stored
 * in clear: a reset token's SHA-256 is kept, and the token itself only in the email's outbox row
 * (purged by the daily outbox purge once it is over a day old).
 */
@Injectable()
export class PasswordChangeService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordChangeService.name);
  /** Reset links being issued after their request was answered; awaited on shutdown. */
  private readonly issuing = new Set<Promise<void>>();
  private readonly resetUrl: string;
  private readonly resetTtlMinutes: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly tokens: TokenService,
    private readonly statuses: AccountStatusCache,
    private readonly throttle: LoginThrottleService,
    private readonly resetLimit: PasswordResetLimit,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.resetUrl = config.getOrThrow<string>('PASSWORD_RESET_URL');
    this.resetTtlMinutes = Number(config.getOrThrow('PASSWORD_RESET_TOKEN_TTL_MINUTES'));
  }

  /**
   * A wrong current password counts as a failed sign-in of the account (per email and per client
   * address, LOGIN_FAILURES_PER_MINUTE), so a stolen session cannot be used to guess it; it is
   * BAD_USER_INPUT on `currentPassword`: the caller's session is fine, the form is not.
   */
  async changePassword(
    actor: AuthUser,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<SignedIn> {
    const known = await this.users.findById(actor.id);
    if (!known) throw DomainError.unauthenticated();
    const attempt = await this.throttle.attempt(known.email, ip);
    const user = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.lockWithPasswordHash(manager, actor.id);
      if (!locked) throw DomainError.unauthenticated();
      if (locked.disabledAt) throw new DomainError(ErrorCode.UNAUTHENTICATED, ACCOUNT_DISABLED);
      if (!(await verifyPassword(locked.passwordHash, currentPassword))) {
        throw DomainError.badInput('currentPassword', 'is not right');
      }
      await attempt.succeeded();
      checkPasswordStrength(newPassword, locked.email, 'newPassword');
      if (newPassword === currentPassword) {
        throw DomainError.badInput('newPassword', 'must be different from your current password');
      }
      return this.setPassword(manager, locked, newPassword, 'user.password_changed');
    });
    this.statuses.forget(user.id);
    return { accessToken: this.tokens.sign(toAuthUser(user), user.tokenVersion), user };
  }

  /**
   * Emails a reset link to the account with this email if there is one and it is enabled. Answers
   * once the request is counted, before any of that work: the answer's time cannot depend on
   * whether there is an account (its row, its locks, its writes), only on the rate limits, which
   * count every request alike. The link is then issued in the background (see issueResetLink).
   */
  async requestPasswordReset(rawEmail: string, ip: string): Promise<void> {
    const email = normaliseEmail(rawEmail, 'email');
    await this.resetLimit.count(email, ip);
    const work = this.issueResetLink(email).catch((error: Error) =>
      // The message only: a driver error's detail could quote the row (the link) it failed on.
      this.logger.error(`a password reset link could not be issued: ${error.message}`),
    );
    this.issuing.add(work);
    void work.finally(() => this.issuing.delete(work));
  }

  /** Links still being issued finish before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.issuing]);
  }

  /**
   * The token row and the email, for an enabled account with this email; the same statements
   * either way (see PasswordResetTokenRepository.replace), so even the database's load says little.
   */
  private async issueResetLink(email: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.resetTtlMinutes * 60_000);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.resetTokens.lockEnabledUser(manager, email);
      await this.resetTokens.replace(manager, userId, sha256(token), expiresAt);
      if (!userId) {
        // Stands in for the outbox insert: the same round trips whether or not there is an account.
        await manager.query('SELECT 1');
        return;
      }
      await this.notify.enqueue(manager, {
        kind: 'account.password_reset',
        recipients: [{ userId }],
        data: {
          url: `${this.resetUrl}?token=${token}`,
          expiresInMinutes: this.resetTtlMinutes,
        },
      });
    });
  }

  /**
   * Sets a new password with an emailed token: once, before it expires, in one transaction with the
   * user's row and then the token's locked (the order every path here locks them in), so two resets
   * with one token cannot both succeed. A disabled account is answered as login answers one whose
   * password was right: the link proves who is asking as the password would.
   */
  async resetPassword(token: string, newPassword: string): Promise<SignedIn> {
    if (!TOKEN_FORMAT.test(token)) throw invalidLink();
    const tokenHash = sha256(token);
    const user = await this.dataSource.transaction(async (manager) => {
      const owner = await this.resetTokens.ownerOf(manager, tokenHash);
      if (!owner) throw invalidLink();
      const [locked] = await this.users.findManyForUpdate(manager, [owner]);
      const row = await this.resetTokens.lock(manager, tokenHash);
      const now = this.clock.now();
      if (!locked || !row || row.userId !== locked.id || row.usedAt || row.expiresAt <= now) {
        throw invalidLink();
      }
      if (locked.disabledAt) throw new DomainError(ErrorCode.UNAUTHENTICATED, ACCOUNT_DISABLED);
      checkPasswordStrength(newPassword, locked.email, 'newPassword');
      return this.setPassword(manager, locked, newPassword, 'user.password_reset', row);
    });
    this.statuses.forget(user.id);
    // Whoever locked the account out with wrong guesses no longer keeps its owner from signing in.
    await this.throttle.forgetFailures(user.email);
    return { accessToken: this.tokens.sign(toAuthUser(user), user.tokenVersion), user };
  }

  /**
   * New hash, token version bumped, reset links gone (the one used, if any, kept as used), audited,
   * the person told.
   */
  private async setPassword(
    manager: EntityManager,
    user: UserEntity,
    password: string,
    action: 'user.password_changed' | 'user.password_reset',
    usedToken?: ResetTokenRow,
  ): Promise<UserEntity> {
    const tokenVersion = await this.users.setPassword(
      manager,
      user.id,
      await hashPassword(password),
    );
    if (usedToken) await this.resetTokens.markUsed(manager, usedToken, this.clock.now());
    else await this.resetTokens.deleteForUser(manager, user.id);
    await this.audit.record(manager, {
      actorUserId: user.id,
      action,
      entityType: 'user',
      entityId: user.id,
      details: { tokenVersion },
    });
    await this.notify.enqueue(manager, {
      kind: 'account.password_changed',
      recipients: [{ userId: user.id }],
      data: {},
    });
    const { passwordHash: _hash, ...rest } = user;
    return Object.assign(new UserEntity(), rest, { tokenVersion });
  }
}
