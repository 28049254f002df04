import { Role } from '@app/core';
import { ServiceSearchService } from '@app/schemes/search/service-search.service';
import { Injectable } from '@nestjs/common';
import { MapSearchQuery } from './http/map-search.query';
import { CONTACT_ROUTE } from './snapshot/build-snapshot';

/** One public search result: the scheme's public fields, how far, and why it was offered. */
export interface PublicServiceMatch {
  id: string;
  scheme: string;
  organisation: { id: string; name: string };
  pathways: string[];
  genders: string[];
  ageRange: { min: number | null; max: number | null };
  deliveryModes: string[];
  national: boolean;
  distanceKm: number | null;
  placesAvailable: boolean;
  reasons: string[];
  contactRoute: typeof CONTACT_ROUTE;
}

/** Nobody signed in: no prison (no through-the-gate ranking) and no organisation. */
const ANONYMOUS = { id: 'public', role: Role.MENTOR, organisationId: null, prisonCode: null };

/**
 * The public part of searchServices: the same statement and ranking, asked without a prison and
 * without a risk level, and answered with public fields only.
 */
@Injectable()
export class PublicServiceSearch {
  constructor(private readonly search: ServiceSearchService) {}

  async find(query: MapSearchQuery): Promise<PublicServiceMatch[]> {
    const matches = await this.search.search(ANONYMOUS, {
      releasePostcode: query.postcode ?? null,
      localAuthorityCode: query.localAuthorityCode ?? null,
      needs: query.needs ?? null,
      gender: query.gender ?? null,
      age: query.age ?? null,
      includeFull: query.includeFull ?? false,
      first: query.first ?? 20,
    });
    return matches.map(({ scheme, organisation, distanceKm, hasCapacity, reasons }) => ({
      id: scheme.id,
      scheme: scheme.name,
      organisation: { id: organisation.id, name: organisation.name },
      pathways: scheme.pathways,
      genders: scheme.genders,
      ageRange: { min: scheme.minAge ?? null, max: scheme.maxAge ?? null },
      deliveryModes: scheme.deliveryModes,
      national: scheme.national,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      placesAvailable: hasCapacity,
      // Places are public as yes/no only; the counts stay out.
      reasons: reasons.filter((reason) => !/places free/.test(reason)),
      contactRoute: CONTACT_ROUTE,
    }));
  }
}
