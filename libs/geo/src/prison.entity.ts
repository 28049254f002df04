import { LatLng, geoPointTransformer } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An establishment of the HMPPS prison register, by its prison code (LEI, MRI, STC2). */
@Entity('prisons')
export class PrisonEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'boolean' })
  male: boolean;

  @Column({ type: 'boolean' })
  female: boolean;

  @Column({ type: 'varchar', length: 4, nullable: true })
  outcode: string | null;

  @Column({
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    nullable: true,
    transformer: geoPointTransformer,
  })
  location: LatLng | null;
}
