import { UserEntity } from '@app/auth/user.entity';
import {
  BaseEntity,
  DeliveryMode,
  Gender,
  LatLng,
  Pathway,
  VolunteerStatus,
  geoPointTransformer,
} from '@app/core';
import { OrganisationEntity } from '@app/organisations/organisation.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne } from 'typeorm';

/** A mentor's application and profile. Only the outcode of the home postcode and its point are kept. */
@Entity('volunteer_profiles')
@Index(['organisationId', 'status'])
@Index(['organisationId', 'createdAt', 'id'])
@Index(['createdAt', 'id'])
// Mentor suggestions (migration 1795679700000): GiST on the box each in-person mentor's travel
// radius covers, and a covering index on remote mentors; TypeORM cannot describe either.
@Index('volunteer_profiles_reach', { synchronize: false })
@Index('volunteer_profiles_remote', { synchronize: false })
export class VolunteerProfileEntity extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 12, default: VolunteerStatus.APPLIED })
  status: VolunteerStatus;

  /** Why the volunteer was rejected or withdrawn; shown to the organisation only. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ type: 'varchar', length: 4 })
  outcode: string;

  @Index({ spatial: true })
  @Column({
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    transformer: geoPointTransformer,
  })
  location: LatLng;

  @Column({ type: 'real' })
  travelRadiusKm: number;

  @Column({ type: 'varchar', length: 12 })
  gender: Gender;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pathways: Pathway[];

  @Column({ type: 'boolean' })
  livedExperience: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  deliveryModes: DeliveryMode[];

  @Column({ type: 'smallint' })
  maxMentees: number;

  @Column({ type: 'smallint', default: 0 })
  activeMentees: number;

  /** When the volunteer first became ACTIVE; HIGH-risk matches need a year of service. */
  @Column({ type: 'timestamptz', nullable: true })
  activeSince: Date | null;
}
