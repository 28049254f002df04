import { BaseEntity, OrganisationSpecialism } from '@app/core';
import { Column, Entity, Index } from 'typeorm';

/** A charity or service that recruits mentors and runs schemes. */
@Entity('organisations')
// Names are unique in any case: a unique index on lower(name) (migration 1795679800000), which
// TypeORM cannot describe.
@Index('organisations_name_lower', { synchronize: false })
export class OrganisationEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  charityNumber: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  specialisms: OrganisationSpecialism[];

  /** Years after issue before a DBS check must be renewed (domain.md: default 3). */
  @Column({ type: 'smallint', default: 3 })
  dbsRecheckYears: number;
}
