import {
  AuditService,
  AuthUser,
  DomainError,
  Page,
  Role,
  checkPageSize,
  decodeCursor,
  changedValues,
  checkName,
  isUniqueViolation,
  plainName,
  toPage,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationObject } from './dto/organisation.object';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationChanges } from './organisation-changes';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** The DTO's @Length(2, 200). */
const NAME_MIN = 2;
const NAME_MAX = 200;

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
    private readonly changes: OrganisationChanges,
  ) {}

  create(actor: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (manager) => {
      if (await this.organisations.nameTaken(manager, name)) throw nameTaken(name);
      // Two requests at once may both pass nameTaken; the unique index on lower(name) stops the
      // second insert, whatever its case.
      const organisation = await this.organisations
        .insert(manager, {
          name,
          charityNumber: input.charityNumber ?? null,
          specialisms: input.specialisms ?? [],
          dbsRecheckYears: input.dbsRecheckYears ?? 3,
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw nameTaken(name);
          throw error;
        });
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
      });
      return organisation;
    });
  }

  /**
   * ADMIN, or a coordinator of the organisation (another organisation's is NOT_FOUND). Only the
   * fields sent change; the row is locked so two updates apply one after the other. Audited with
   * the names of the fields changed; a change the public map shows is announced to it.
   */
  update(actor: AuthUser, id: string, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    const change: Partial<OrganisationEntity> = {};
    if (input.name !== undefined) change.name = trimmedName(input.name);
    if (input.charityNumber !== undefined) change.charityNumber = input.charityNumber;
    if (input.specialisms !== undefined) change.specialisms = input.specialisms;
    if (input.dbsRecheckYears !== undefined) change.dbsRecheckYears = input.dbsRecheckYears;
    if (Object.keys(change).length === 0)
      throw DomainError.badInput('input', 'has nothing to change');
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.lockById(manager, id);
      if (!organisation || !canManage(actor, organisation.id))
        throw DomainError.notFound('Organisation');
      // Only what differs is written, audited and announced.
      const changed = changedValues(change, organisation);
      if (Object.keys(changed).length === 0) return organisation;
      const name = changed.name;
      if (name !== undefined && (await this.organisations.nameTaken(manager, name, id)))
        throw nameTaken(name);
      await this.organisations.update(manager, id, changed).catch((error: unknown) => {
        if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
        throw error;
      });
      const fields = Object.keys(changed).sort();
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        details: { fields, actorRole: actor.role },
      });
      if (fields.some((field) => PUBLIC_FIELDS.has(field))) await this.changes.changed(manager, id);
      return Object.assign(organisation, changed);
    });
  }

  /** ADMIN's directory: oldest first, optionally by part of the name. */
  async list(args: {
    search?: string | null;
    first: number;
    after?: string | null;
  }): Promise<Page<OrganisationObject>> {
    const first = checkPageSize(args.first);
    const { rows, totalCount } = await this.organisations.page(
      // Searched for as names are kept.
      plainName(args.search ?? '') || null,
      decodeCursor(args.after),
      first,
    );
    return toPage(rows, first, totalCount, OrganisationObject.from);
  }
}

/** What the public map and the Open Referral feed show of an organisation. */
const PUBLIC_FIELDS: ReadonlySet<string> = new Set(['name', 'charityNumber', 'specialisms']);

function canManage(actor: AuthUser, organisationId: string): boolean {
  return (
    actor.role === Role.ADMIN ||
    (actor.role === Role.COORDINATOR && actor.organisationId === organisationId)
  );
}

/** The name as kept (core's `checkName`): names that look the same are the same name for the index. */
function trimmedName(raw: string): string {
  return checkName(raw, 'input.name', NAME_MIN, NAME_MAX);
}

function nameTaken(name: string): DomainError {
  return DomainError.conflict(`An organisation called ${name} already exists`);
}
