import { BarredList, BaseEntity, DbsLevel } from '@app/core';
import { VolunteerProfileEntity } from '@app/volunteers/volunteer-profile.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VettingCheckKind, VettingCheckStatus } from './clearance';

/**
 * One check of a volunteer, and its decision. Only what the DBS Code of Practice lets us keep:
 * kind, level, lists, certificate number, issue date, the decision, who made it and when; never a
 * copy of a certificate or what it disclosed. `notes` (the reasons) are purged RETENTION_DISCLOSURE_MONTHS
 * after the decision for DBS checks and risk assessments. A decision is recorded once: a later
 * change is a new check, so the history stays.
 */
@Entity('vetting_checks')
@Index(['volunteerId', 'requestedAt'])
@Index('vetting_checks_recheck_due', ['expiresOn'], {
  where: `status IN ('CLEAR', 'DISCLOSURE')`,
})
@Index('vetting_checks_notes_kept', ['decidedAt'], { where: 'notes IS NOT NULL' })
export class VettingCheckEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => VolunteerProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: VolunteerProfileEntity;

  @Column({ type: 'varchar', length: 30 })
  kind: VettingCheckKind;

  /** What clients see: REQUESTED, the outcome, or EXPIRED once past the re-check date. */
  @Column({ type: 'varchar', length: 12 })
  status: VettingCheckStatus;

  /** The decision as recorded; unlike `status` it never becomes EXPIRED. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: VettingCheckStatus | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  dbsLevel: DbsLevel | null;

  /** The barred lists the check covers (ENHANCED only). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  barredLists: BarredList[];

  /** For a BARRED outcome, the lists the person is on. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  barredOn: BarredList[];

  @Column({ type: 'varchar', length: 12, nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;

  /** Re-check date: the last day the check counts; from the next day it is EXPIRED. */
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ type: 'boolean', default: false })
  updateServiceSubscribed: boolean;

  /** The last DBS Update Service status check. */
  @Column({ type: 'date', nullable: true })
  updateServiceCheckedOn: string | null;

  /** The Update Service reported new information: this check no longer counts. */
  @Column({ type: 'boolean', default: false })
  superseded: boolean;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** The reasons for the decision; for the organisation's coordinators only; never logged. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  notesPurgedAt: Date | null;
}
