import { BaseEntity, Gender, Pathway, RiskLevel } from '@app/core';
import { SchemeEntity } from '@app/schemes';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ReferralStatus } from './referral-status';

/** The partial unique index that makes "one open referral per prison number and scheme" hold under concurrency. */
export const ONE_OPEN_REFERRAL_INDEX = 'UQ_referrals_open_per_person_scheme';

/**
 * A prison's referral of one person to one scheme. The person is known only by their prison
 * number; of the release address only the outcode (and its local authority) is kept.
 */
@Entity('referrals')
@Index(['organisationId', 'createdAt'])
@Index(['prisonCode', 'createdAt'])
@Index(ONE_OPEN_REFERRAL_INDEX, ['schemeId', 'personReference'], {
  unique: true,
  where: `status IN ('SENT', 'ACCEPTED', 'MATCHED', 'ACTIVE')`,
})
export class ReferralEntity extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  schemeId: string;

  @ManyToOne(() => SchemeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_id' })
  scheme?: SchemeEntity;

  /** The scheme's organisation, kept so each side's lists need no join. */
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'varchar', length: 12 })
  status: ReferralStatus;

  /** Why it was declined or withdrawn; seen by both sides. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** Prison number, e.g. A1234BC. */
  @Column({ type: 'varchar', length: 7 })
  personReference: string;

  @Column({ type: 'varchar', length: 10 })
  prisonCode: string;

  @Column({ type: 'date' })
  releaseDate: string;

  /**
   * The release date on which the referral became ACTIVE; null until then. Kept when a departed
   * mentor sends the referral back to ACCEPTED: the person is out, whatever the status says.
   */
  @Column({ type: 'date', nullable: true })
  releasedOn: string | null;

  @Column({ type: 'varchar', length: 4 })
  releaseOutcode: string;

  /** ONS GSS code derived from the outcode. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  releaseLocalAuthorityCode: string | null;

  @Column({ type: 'text', array: true })
  needs: Pathway[];

  @Column({ type: 'varchar', length: 10 })
  riskLevel: RiskLevel;

  @Column({ type: 'varchar', length: 12 })
  gender: Gender;

  @Column({ type: 'smallint' })
  age: number;

  /** ISO 639-1 codes the person speaks, lower case. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'uuid' })
  referredBy: string;

  @Column({ type: 'timestamptz' })
  consentRecordedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  respondedBy: string | null;
}
