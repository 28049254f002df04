import { LoaderRegistry, byKeys } from '@app/core';
import { Module, OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { OrganisationObject } from './dto/organisation.object';
import { OrganisationChanges } from './organisation-changes';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  providers: [
    OrganisationRepository,
    OrganisationsService,
    OrganisationsResolver,
    OrganisationChanges,
  ],
  exports: [OrganisationRepository, OrganisationsService, OrganisationChanges],
})
export class OrganisationsModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly organisations: OrganisationRepository,
  ) {}

  /** `organisationById`: every Organisation field on a page is one query. */
  onModuleInit(): void {
    this.loaders.register(
      'organisationById',
      () =>
        new DataLoader<string, OrganisationObject | null>(async (ids) => {
          const rows = await this.organisations.findByIds(ids);
          return byKeys(ids, rows.map(OrganisationObject.from), (o) => o.id);
        }),
    );
  }
}
