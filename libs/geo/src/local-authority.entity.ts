import { LatLng, geoPointTransformer } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A current UK local authority by ONS GSS code (E08000035 = Leeds). */
@Entity('local_authorities')
export class LocalAuthorityEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  gssCode: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 60 })
  region: string;

  @Column({ type: 'varchar', length: 30 })
  nation: string;

  @Column({ type: 'boolean' })
  lowerOrUnitary: boolean;

  @Column({
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    nullable: true,
    transformer: geoPointTransformer,
  })
  location: LatLng | null;
}
