import { createHash } from 'node:crypto';
import { MapSourceRow } from './map-source-row';

/** How anyone reaches a scheme: there is no public contact field on schemes, so referral is the route. */
export const CONTACT_ROUTE = {
  kind: 'REFERRAL',
  text: 'Ask your probation practitioner or prison resettlement team to refer you to this scheme.',
} as const;

/** The public properties of one scheme on the map. Nothing about any person, nor a mentor's place. */
export interface ServiceProperties {
  id: string;
  scheme: string;
  description: string;
  organisation: { id: string; name: string };
  pathways: string[];
  /** Empty means all genders. */
  genders: string[];
  ageRange: { min: number | null; max: number | null };
  deliveryModes: string[];
  languages: string[];
  coverageLocalAuthorities: string[];
  national: boolean;
  /** Remote-only or national without a base: listed, not drawn. */
  located: boolean;
  /** The base's postcode district (an organisation address, never a person's). */
  outcode: string | null;
  throughTheGatePrisons: string[];
  placesAvailable: boolean;
  contactRoute: typeof CONTACT_ROUTE;
  updatedAt: string;
}

export interface ServiceFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: ServiceProperties;
}

export interface ServicesMap {
  type: 'FeatureCollection';
  generatedAt: string;
  schemeCount: number;
  features: ServiceFeature[];
}

export interface BuiltSnapshot {
  map: ServicesMap;
  content: string;
  contentHash: string;
}

/**
 * The public snapshot from the active schemes: one feature per scheme, a Point at its base when it
 * has one, else `geometry: null` (valid GeoJSON; national and remote-only schemes stay listed).
 * Features are sorted by id so the same schemes always give the same bytes, and the hash covers
 * the features only: a rebuild with nothing changed keeps its ETag.
 */
export function buildSnapshot(rows: readonly MapSourceRow[], generatedAt: Date): BuiltSnapshot {
  const features = [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(toFeature);
  const featuresJson = JSON.stringify(features);
  const contentHash = createHash('sha256').update(featuresJson).digest('hex');
  const map: ServicesMap = {
    type: 'FeatureCollection',
    generatedAt: generatedAt.toISOString(),
    schemeCount: features.length,
    features,
  };
  // Written by hand around the already serialised features: one JSON.stringify of 10 000 features.
  const content = `{"type":"FeatureCollection","generatedAt":${JSON.stringify(map.generatedAt)},"schemeCount":${features.length},"features":${featuresJson}}`;
  return { map, content, contentHash };
}

function toFeature(row: MapSourceRow): ServiceFeature {
  const located = row.latitude !== null && row.longitude !== null;
  return {
    type: 'Feature',
    id: row.id,
    geometry: located
      ? { type: 'Point', coordinates: [round(row.longitude!), round(row.latitude!)] }
      : null,
    properties: {
      id: row.id,
      scheme: row.name,
      description: row.description,
      organisation: { id: row.organisation_id, name: row.organisation_name },
      pathways: row.pathways,
      genders: row.genders,
      ageRange: { min: row.min_age, max: row.max_age },
      deliveryModes: row.delivery_modes,
      languages: row.languages,
      coverageLocalAuthorities: row.coverage_names,
      national: row.national,
      located,
      outcode: row.outcode,
      throughTheGatePrisons: row.prison_names,
      placesAvailable: row.has_places,
      contactRoute: CONTACT_ROUTE,
      updatedAt: new Date(row.updated_at).toISOString(),
    },
  };
}

/** Outcode centroids are district-level already; 5 decimals (about 1 m) keep the bytes small. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
