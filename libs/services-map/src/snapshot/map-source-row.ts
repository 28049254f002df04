/** One active scheme as the snapshot query returns it: public fields only. */
export interface MapSourceRow {
  id: string;
  name: string;
  description: string;
  organisation_id: string;
  organisation_name: string;
  pathways: string[];
  genders: string[];
  min_age: number | null;
  max_age: number | null;
  delivery_modes: string[];
  languages: string[];
  national: boolean;
  outcode: string | null;
  latitude: number | null;
  longitude: number | null;
  has_places: boolean;
  coverage_names: string[];
  prison_names: string[];
  updated_at: Date;
}
