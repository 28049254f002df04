import { BaseEntity, Role } from '@app/core';
import { PrisonEntity } from '@app/geo/prison.entity';
import { OrganisationEntity } from '@app/organisations/organisation.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** A person who signs in. COORDINATORs belong to one organisation, PRISON_STAFF to one prison. */
@Entity('users')
@Index(['role', 'organisationId'])
export class UserEntity extends BaseEntity {
  /** Stored lower-cased, so uniqueness ignores case. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** argon2id hash; never selected unless asked for. */
  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 6, nullable: true })
  prisonCode: string | null;

  @ManyToOne(() => PrisonEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prison_code', referencedColumnName: 'code' })
  prison?: PrisonEntity;

  /** A token is accepted only while its `ver` claim equals this; bumping it revokes every token. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  /** Set while the account is disabled: no sign-in, no request. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
