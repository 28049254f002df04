import { LoaderRegistry, byKeys } from '@app/core';
import { OrganisationChanges, OrganisationsModule } from '@app/organisations';
import { Module, OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { SchemeObject } from './dto/scheme.object';
import { OrganisationSchemesResolver } from './organisation-schemes.resolver';
import { PlaceDirectory } from './places';
import { SchemeEvents, SchemeEventsTable } from './scheme-events';
import { SchemeRepository } from './scheme.repository';
import { SchemesResolver } from './schemes.resolver';
import { SchemesService } from './schemes.service';
import { SearchRateLimitGuard } from './search/search-rate-limit.guard';
import { ServiceSearchResolver } from './search/service-search.resolver';
import { ServiceSearchService } from './search/service-search.service';

@Module({
  imports: [OrganisationsModule],
  providers: [
    SchemeRepository,
    SchemesService,
    ServiceSearchService,
    PlaceDirectory,
    SearchRateLimitGuard,
    SchemesResolver,
    ServiceSearchResolver,
    OrganisationSchemesResolver,
    // The one place scheme.changed is routed: swap for the notifications outbox when it lands.
    { provide: SchemeEvents, useClass: SchemeEventsTable },
  ],
  exports: [SchemesService, SchemeRepository, SchemeEvents],
})
export class SchemesModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly schemes: SchemeRepository,
    private readonly organisationChanges: OrganisationChanges,
    private readonly events: SchemeEvents,
  ) {}

  onModuleInit(): void {
    // The map and the Open Referral feed show the organisation with each of its schemes.
    this.organisationChanges.register(async (manager, organisationId) => {
      for (const schemeId of await this.schemes.idsOfOrganisation(manager, organisationId)) {
        await this.events.changed(manager, {
          schemeId,
          organisationId,
          change: 'updated',
          version: 1,
        });
      }
    });
    /** `schemesByOrganisation`: every scheme of each organisation, active or not (callers filter by who asks). */
    this.loaders.register(
      'schemesByOrganisation',
      () =>
        new DataLoader<string, SchemeObject[]>(async (organisationIds) => {
          const rows = await this.schemes.findByOrganisationIds(organisationIds, {
            all: true,
            organisationId: null,
          });
          const grouped = new Map<string, SchemeObject[]>(organisationIds.map((id) => [id, []]));
          for (const row of rows) grouped.get(row.organisationId)?.push(SchemeObject.from(row));
          return organisationIds.map((id) => grouped.get(id) ?? []);
        }),
    );
    /** `schemeById`: for other libraries' Scheme fields (referral.scheme); no visibility filter. */
    this.loaders.register(
      'schemeById',
      () =>
        new DataLoader<string, SchemeObject | null>(async (ids) => {
          const rows = await this.schemes.findByIds(ids);
          return byKeys(ids, rows.map(SchemeObject.from), (scheme) => scheme.id);
        }),
    );
  }
}
