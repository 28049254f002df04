import { ValueTransformer } from 'typeorm';

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Maps a PostGIS geography(Point,4326) column to { latitude, longitude }. TypeORM reads geography
 * as GeoJSON, and writes GeoJSON through ST_GeomFromGeoJSON.
 */
export const geoPointTransformer: ValueTransformer = {
  to(value: LatLng | null | undefined) {
    if (!value) return value;
    return { type: 'Point', coordinates: [value.longitude, value.latitude] };
  },
  from(value: { coordinates: [number, number] } | null) {
    if (!value) return null;
    return { longitude: value.coordinates[0], latitude: value.coordinates[1] };
  },
};
