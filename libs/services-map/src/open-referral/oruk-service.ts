import { createHash } from 'node:crypto';
import { ServiceFeature } from '../snapshot/build-snapshot';

/** An Open Referral UK (HSDS 3.0) page: the `Page` fields of the HSDA plus `contents`. */
export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

type Json = Record<string, unknown>;

/**
 * A stable UUID for a derived record (a service area, a location) that has no row of its own:
 * name-based like UUID v5, from the scheme id and what it is, so ids do not change between builds.
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function organization(feature: ServiceFeature): Json {
  const { organisation } = feature.properties;
  return {
    id: organisation.id,
    name: organisation.name,
    description: `${organisation.name} runs mentoring for people leaving prison.`,
  };
}

/** Fields shared by the list and the full record; absent values are left out (the schema has no nulls). */
function oneToOne(feature: ServiceFeature): Json {
  const p = feature.properties;
  const service: Json = {
    id: p.id,
    organization_id: p.organisation.id,
    name: p.scheme,
    description: p.description,
    status: 'active',
    last_modified: p.updatedAt,
  };
  if (p.ageRange.min !== null) service.minimum_age = p.ageRange.min;
  if (p.ageRange.max !== null) service.maximum_age = p.ageRange.max;
  return service;
}

/** As in `GET /services` (ORUK compiled/service_list.json): one-to-one fields and the organization. */
export function toOrukServiceListItem(feature: ServiceFeature): Json {
  return { ...oneToOne(feature), organization: organization(feature) };
}

/** As in `GET /services/{id}` (ORUK compiled/service.json): fully nested. */
export function toOrukService(feature: ServiceFeature): Json {
  const p = feature.properties;
  const areas = p.coverageLocalAuthorities.map((name) => ({
    id: derivedId(p.id, 'service_area', name),
    service_id: p.id,
    name,
    service_area: name,
    extent_type: 'local_authority',
  }));
  if (p.national) {
    areas.push({
      id: derivedId(p.id, 'service_area', 'national'),
      service_id: p.id,
      name: 'National',
      service_area: 'England and Wales',
      extent_type: 'national',
    });
  }
  const locations: Json[] = [];
  if (feature.geometry) {
    const locationId = derivedId(p.id, 'location');
    locations.push({
      id: derivedId(p.id, 'service_at_location'),
      service_id: p.id,
      location_id: locationId,
      location: {
        id: locationId,
        location_type: 'physical',
        name: p.outcode ? `${p.organisation.name}, ${p.outcode}` : p.organisation.name,
        longitude: feature.geometry.coordinates[0],
        latitude: feature.geometry.coordinates[1],
      },
    });
  }
  return {
    ...oneToOne(feature),
    organization: organization(feature),
    service_areas: areas,
    service_at_locations: locations,
  };
}

/** One page (1-based) of `items`. */
export function orukPage<T>(items: readonly T[], page: number, perPage: number): OrukPage<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
