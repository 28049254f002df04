import { AuditService, AuthUser, DomainError, isUniqueViolation } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** The DTO's @Length(2, 200), applied again to the trimmed name ("  a  " is a one-letter name). */
const NAME_MIN = 2;
const NAME_MAX = 200;

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  create(actor: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const name = input.name.trim();
    if (name.length < NAME_MIN || name.length > NAME_MAX) {
      throw DomainError.badInput(
        'input.name',
        `must be ${NAME_MIN} to ${NAME_MAX} characters, not counting spaces at either end`,
      );
    }
    const taken = () => DomainError.conflict(`An organisation called ${name} already exists`);
    return this.dataSource.transaction(async (manager) => {
      if (await this.organisations.nameTaken(manager, name)) throw taken();
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
          if (isUniqueViolation(error)) throw taken();
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
}
