import { LatLng } from '@app/core';

/** Where a postcode district is: what may be stored about a person's address. */
export interface LocatedPlace {
  outcode: string;
  location: LatLng;
  localAuthorityCode: string | null;
}
