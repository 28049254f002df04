import { AuditService, AuthUser, Clock, DomainError, ErrorCode } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountStatusCache } from './account-status.cache';
import { ACCOUNT_DISABLED } from './auth.service';
import { UserEntity } from './user.entity';
import { AccountAccess, UserRepository } from './user.repository';

/**
 * Who may still use the platform: disabling and enabling accounts, revoking a user's tokens.
 * Revoking bumps the user's token_version, which every token issued before no longer matches.
 */
@Injectable()
export class AccountAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly statuses: AccountStatusCache,
    private readonly clock: Clock,
  ) {}

  /** No sign-in and no request from now on; the user's tokens stay dead even once enabled again. */
  disable(actor: AuthUser, userId: string): Promise<UserEntity> {
    // An ADMIN locking themselves out could leave nobody to undo it.
    if (userId === actor.id) throw DomainError.conflict('You cannot disable your own account');
    return this.change(actor.id, userId, 'user.disabled', (user) =>
      user.disabledAt
        ? null
        : { disabledAt: this.clock.now(), tokenVersion: user.tokenVersion + 1 },
    );
  }

  /** Lets the user sign in again; tokens from before the disabling are not revived. */
  enable(actor: AuthUser, userId: string): Promise<UserEntity> {
    return this.change(actor.id, userId, 'user.enabled', (user) =>
      user.disabledAt ? { disabledAt: null, tokenVersion: user.tokenVersion } : null,
    );
  }

  /** Every token of the caller's, including the one used for this, stops working. */
  async signOutEverywhere(actor: AuthUser): Promise<void> {
    await this.change(actor.id, actor.id, 'user.signed_out_everywhere', (user) => ({
      disabledAt: user.disabledAt,
      tokenVersion: user.tokenVersion + 1,
    }));
  }

  /**
   * Applies `next` (null: already so, nothing to change or audit) to the locked row, audited. The
   * actor's row is locked too and must still be enabled: the request was authenticated before it
   * began, so two ADMINs disabling each other at once would otherwise both succeed.
   */
  private async change(
    actorUserId: string,
    userId: string,
    action: string,
    next: (user: UserEntity) => AccountAccess | null,
  ): Promise<UserEntity> {
    const user = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.findManyForUpdate(manager, [
        ...new Set([actorUserId, userId]),
      ]);
      const actor = locked.find((row) => row.id === actorUserId);
      if (!actor || actor.disabledAt) {
        throw new DomainError(ErrorCode.UNAUTHENTICATED, ACCOUNT_DISABLED);
      }
      const found = locked.find((row) => row.id === userId);
      if (!found) throw DomainError.notFound('User');
      const access = next(found);
      if (!access) return found;
      await this.users.updateAccess(manager, found.id, access);
      await this.audit.record(manager, {
        actorUserId,
        action,
        entityType: 'user',
        entityId: found.id,
        details: { tokenVersion: access.tokenVersion, disabled: access.disabledAt !== null },
      });
      return Object.assign(found, access);
    });
    // After the commit: a request between an earlier forget and the commit would cache the old status.
    this.statuses.forget(userId);
    return user;
  }
}
