import { AuditService, AuthUser, DomainError, ErrorCode, Role, isUniqueViolation } from '@app/core';
import { PrisonEntity } from '@app/geo/prison.entity';
import { OrganisationEntity } from '@app/organisations/organisation.entity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { LoginThrottleService } from './login-throttle.service';
import {
  burnPasswordCheck,
  checkPasswordStrength,
  hashPassword,
  normaliseEmail,
  verifyPassword,
} from './password';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  organisationId?: string | null;
  prisonCode?: string | null;
}

const BAD_CREDENTIALS = 'Email or password is not right';
/** Said to a disabled account that proves who it is (the right password, or a token from before). */
export const ACCOUNT_DISABLED = 'This account is disabled; ask your administrator';

/** Accounts: sign-in, staff accounts, the bootstrap admin; every change is audited. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async login(
    rawEmail: string,
    password: string,
    ip: string,
  ): Promise<{ accessToken: string; user: UserEntity }> {
    const email = rawEmail.trim().toLowerCase();
    const attempt = await this.throttle.attempt(email, ip);
    const user = await this.users.findForLogin(email);
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await burnPasswordCheck(password), false);
    if (!user || !ok) throw new DomainError(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS);
    // Right password: not a guess, so off the counts; only someone who knows it learns of the disabling.
    await attempt.succeeded();
    if (user.disabledAt) throw new DomainError(ErrorCode.UNAUTHENTICATED, ACCOUNT_DISABLED);
    return { accessToken: this.tokenFor(user), user };
  }

  tokenFor(user: UserEntity): string {
    return this.tokens.sign(toAuthUser(user), user.tokenVersion);
  }

  async createStaffUser(actor: AuthUser, input: CreateStaffUserInput): Promise<UserEntity> {
    if (input.role === Role.MENTOR) {
      throw DomainError.badInput('input.role', 'mentors register themselves with registerMentor');
    }
    return this.dataSource.transaction(async (manager) => {
      const user = await this.createAccount(manager, actor.id, {
        email: input.email,
        password: input.password,
        role: input.role,
        organisationId: input.role === Role.COORDINATOR ? input.organisationId : null,
        prisonCode: input.role === Role.PRISON_STAFF ? input.prisonCode : null,
      });
      return user;
    });
  }

  /**
   * Validates and inserts an account inside the caller's transaction (registerMentor uses it too).
   * Field names in errors are the contract's (`input.email`, ...).
   */
  async createAccount(
    manager: EntityManager,
    actorUserId: string | null,
    account: NewAccount,
  ): Promise<UserEntity> {
    const email = normaliseEmail(account.email, 'input.email');
    checkPasswordStrength(account.password, email, 'input.password');
    const organisationId = account.organisationId ?? null;
    const prisonCode = account.prisonCode?.trim().toUpperCase() || null;
    if (account.role === Role.COORDINATOR && !organisationId) {
      throw DomainError.badInput('input.organisationId', 'is required for a COORDINATOR');
    }
    if (account.role === Role.PRISON_STAFF && !prisonCode) {
      throw DomainError.badInput('input.prisonCode', 'is required for PRISON_STAFF');
    }
    if (organisationId && !(await manager.existsBy(OrganisationEntity, { id: organisationId }))) {
      throw DomainError.badInput('input.organisationId', 'no such organisation');
    }
    if (prisonCode && !(await manager.existsBy(PrisonEntity, { code: prisonCode }))) {
      throw DomainError.badInput('input.prisonCode', `unknown prison code ${prisonCode}`);
    }
    if (await this.users.emailTaken(manager, email)) {
      throw DomainError.conflict('An account with that email already exists');
    }
    const passwordHash = await hashPassword(account.password);
    const user = await this.users
      .insert(manager, { email, passwordHash, role: account.role, organisationId, prisonCode })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw DomainError.conflict('An account with that email already exists');
        }
        throw error;
      });
    await this.audit.record(manager, {
      actorUserId: actorUserId ?? user.id,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { role: user.role, organisationId, prisonCode },
    });
    return user;
  }

  /** BOOTSTRAP_ADMIN_EMAIL/PASSWORD: creates that ADMIN on start when there is no admin yet. */
  async ensureBootstrapAdmin(
    email: string | undefined,
    password: string | undefined,
  ): Promise<boolean> {
    if (!email || !password) return false;
    // Several API replicas (or test apps) may start at once: one lock, one admin.
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('bootstrap-admin'))");
      if (await this.users.adminExists(manager)) return false;
      await this.createAccount(manager, null, { email, password, role: Role.ADMIN });
      return true;
    });
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }
}

export function toAuthUser(user: UserEntity): AuthUser {
  return {
    id: user.id,
    role: user.role,
    organisationId: user.organisationId,
    prisonCode: user.prisonCode,
  };
}
