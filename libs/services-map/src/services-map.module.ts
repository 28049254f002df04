import { SchemesModule } from '@app/schemes';
import { PlaceDirectory } from '@app/schemes/places';
import { ServiceSearchService } from '@app/schemes/search/service-search.service';
import { Module } from '@nestjs/common';
import { MapAssetsController } from './http/map-assets.controller';
import { MapSearchRateLimitGuard } from './http/map-search-rate-limit.guard';
import { MapController } from './http/map.controller';
import { OpenReferralController } from './http/open-referral.controller';
import { MapSnapshotCache } from './map-snapshot.cache';
import { MapSnapshotRepository } from './map-snapshot.repository';
import { MapPage } from './page/map-page';
import { PublicServiceSearch } from './public-service-search';

/**
 * The API side of the services map: public HTTP only (GeoJSON, search, Open Referral UK, the page).
 * It serves what the worker built and never builds itself.
 *
 * SchemesModule does not export its search service, so this module makes its own instance of it
 * (stateless apart from PlaceDirectory's reference-data cache) from the exported SchemeRepository.
 */
@Module({
  imports: [SchemesModule],
  controllers: [MapController, MapAssetsController, OpenReferralController],
  providers: [
    MapSnapshotRepository,
    MapSnapshotCache,
    MapPage,
    MapSearchRateLimitGuard,
    PlaceDirectory,
    ServiceSearchService,
    PublicServiceSearch,
  ],
})
export class ServicesMapModule {}
