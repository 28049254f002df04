import {
  BarredList,
  BaseEntity,
  DbsLevel,
  DeliveryMode,
  Gender,
  LatLng,
  Pathway,
  RiskLevel,
  geoPointTransformer,
} from '@app/core';
import { OrganisationEntity } from '@app/organisations';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** The spatial index the service search relies on (asserted by test/search-plan.e2e-spec.ts). */
export const SCHEME_LOCATION_INDEX = 'IDX_schemes_location';
/** GIN index for "covers this local authority" (`@>`); created by hand in the migration. */
export const SCHEME_COVERAGE_INDEX = 'IDX_schemes_coverage_local_authorities';
/** Partial index for the national arm of the search. */
export const SCHEME_NATIONAL_INDEX = 'IDX_schemes_national';

/**
 * A mentoring scheme an organisation runs: who it serves, where, and how. The base `postcode` is
 * the organisation's public address (not personal data); its outcode and centroid are kept for
 * the radius search.
 */
@Entity('schemes')
@Index(['organisationId', 'createdAt', 'id'])
@Index(['createdAt', 'id'])
@Index(SCHEME_NATIONAL_INDEX, ['national'], { where: 'national' })
export class SchemeEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true })
  pathways: Pathway[];

  /** Genders served; empty means all. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  genders: Gender[];

  @Column({ type: 'smallint', nullable: true })
  minAge: number | null;

  @Column({ type: 'smallint', nullable: true })
  maxAge: number | null;

  @Column({ type: 'varchar', length: 10 })
  maxRiskLevel: RiskLevel;

  @Column({ type: 'text', array: true })
  deliveryModes: DeliveryMode[];

  /** ISO 639-1 codes, lower case; English is assumed. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /** Normalised ("LS6 1AA", or an outcode when only that was given). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  outcode: string | null;

  @Index(SCHEME_LOCATION_INDEX, { spatial: true })
  @Column({
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    nullable: true,
    transformer: geoPointTransformer,
  })
  location: LatLng | null;

  /** ONS GSS codes. */
  @Index(SCHEME_COVERAGE_INDEX, { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  coverageLocalAuthorities: string[];

  @Column({ type: 'real', nullable: true })
  radiusKm: number | null;

  @Column({ type: 'boolean', default: false })
  national: boolean;

  /** HMPPS prison codes where the scheme meets people before release. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prisonsServed: string[];

  @Column({ type: 'varchar', length: 10 })
  requiredDbsLevel: DbsLevel;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredBarredLists: BarredList[];

  @Column({ type: 'integer' })
  capacity: number;

  /** Maintained by matching; 0 until then. */
  @Column({ type: 'integer', default: 0 })
  activeMentees: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
