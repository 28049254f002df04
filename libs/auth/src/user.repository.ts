import { KeysetCursor, Role, containsPattern, oldestFirstPage } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { UserEntity } from './user.entity';

/** What decides whether a user's token is still accepted. */
export interface AccountStatus {
  readonly tokenVersion: number;
  readonly disabled: boolean;
}

/** The columns a change to an account's access (disable, enable, sign out everywhere) writes. */
export type AccountAccess = Pick<UserEntity, 'tokenVersion' | 'disabledAt'>;

/** What ADMIN's directory of accounts may be narrowed to (null: any). */
export interface UserFilter {
  role: Role | null;
  organisationId: string | null;
  prisonCode: string | null;
  disabled: boolean | null;
  search: string | null;
}

/** Every query on users. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  /** Read on every authenticated request (through AccountStatusCache): one indexed row, two columns. */
  async findStatus(id: string): Promise<AccountStatus | null> {
    const rows: { token_version: number; disabled: boolean }[] = await this.dataSource.query(
      'SELECT token_version, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1',
      [id],
    );
    return rows[0] ? { tokenVersion: rows[0].token_version, disabled: rows[0].disabled } : null;
  }

  /**
   * The users, each row locked until the caller's transaction ends, in id order: two transactions
   * locking the same rows then wait for each other in turn instead of deadlocking.
   */
  findManyForUpdate(manager: EntityManager, ids: readonly string[]): Promise<UserEntity[]> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .setLock('pessimistic_write')
      .where('user.id IN (:...ids)', { ids })
      .orderBy('user.id')
      .getMany();
  }

  /** One page of ADMIN's directory, oldest first, and the total. */
  page(
    filter: UserFilter,
    after: KeysetCursor | null,
    first: number,
  ): Promise<{ rows: UserEntity[]; totalCount: number }> {
    const base = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.role) base.andWhere('u.role = :role', { role: filter.role });
    if (filter.organisationId)
      base.andWhere('u.organisation_id = :organisationId', {
        organisationId: filter.organisationId,
      });
    if (filter.prisonCode)
      base.andWhere('u.prison_code = :prisonCode', { prisonCode: filter.prisonCode });
    if (filter.disabled !== null)
      base.andWhere(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    if (filter.search)
      base.andWhere('u.email ILIKE :pattern', { pattern: containsPattern(filter.search) });
    return oldestFirstPage(base, after, first);
  }

  /** With the password hash, for sign-in only. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return manager.getRepository(UserEntity).existsBy({ email });
  }

  adminExists(manager: EntityManager): Promise<boolean> {
    return manager.getRepository(UserEntity).existsBy({ role: Role.ADMIN });
  }

  insert(
    manager: EntityManager,
    user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt' | 'tokenVersion' | 'disabledAt'>,
  ): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }

  async updateAccess(manager: EntityManager, id: string, access: AccountAccess): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, access);
  }

  /** The user with the password hash, locked until the caller's transaction ends (a password change). */
  lockWithPasswordHash(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .setLock('pessimistic_write')
      .where('user.id = :id', { id })
      .getOne();
  }

  /**
   * Sets a new password hash and bumps the token version, so every token issued before stops
   * working; returns the new token version.
   */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<number> {
    const [rows]: [{ token_version: number }[], number] = await manager.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now()
       WHERE id = $1 RETURNING token_version`,
      [id, passwordHash],
    );
    return rows[0].token_version;
  }
}
