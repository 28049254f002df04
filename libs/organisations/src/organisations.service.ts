import { AuditService, AuthUser, DomainError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  create(actor: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const name = input.name.trim();
    return this.dataSource.transaction(async (manager) => {
      if (await this.organisations.nameTaken(manager, name)) {
        throw DomainError.conflict(`An organisation called ${name} already exists`);
      }
      const organisation = await this.organisations.insert(manager, {
        name,
        charityNumber: input.charityNumber ?? null,
        specialisms: input.specialisms ?? [],
        dbsRecheckYears: input.dbsRecheckYears ?? 3,
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
