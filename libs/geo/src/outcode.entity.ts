import { LatLng, geoPointTransformer } from '@app/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocalAuthorityEntity } from './local-authority.entity';

/** A postcode district (LS6, M1, SW1A) with its centroid and, where known, its local authority. */
@Entity('outcodes')
export class OutcodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  outcode: string;

  @Index({ spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, transformer: geoPointTransformer })
  location: LatLng;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  localAuthorityCode: string | null;

  @ManyToOne(() => LocalAuthorityEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'local_authority_code', referencedColumnName: 'gssCode' })
  localAuthority?: LocalAuthorityEntity;
}
