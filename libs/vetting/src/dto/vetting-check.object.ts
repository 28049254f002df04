import { BarredList, CalendarDate, DbsLevel } from '@app/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VettingCheckKind, VettingCheckStatus } from '../clearance';
import { VettingCheckRow } from '../vetting-check.repository';
import './vetting-enums';

/** How much of a check the caller may see (vetting-access.ts decides). */
export type CheckView = 'ORGANISATION' | 'OWNER';

/**
 * A check as clients see it. `notes` is a field resolver: it is read (and the read audited) only
 * when a coordinator of the organisation asks for it; a mentor sees the kind, status and dates of
 * their own checks, never notes or the certificate number.
 */
@ObjectType('VettingCheck')
export class VettingCheckObject {
  @Field(() => ID)
  id: string;

  @Field(() => VettingCheckKind)
  kind: VettingCheckKind;

  @Field(() => VettingCheckStatus)
  status: VettingCheckStatus;

  @Field(() => DbsLevel, { nullable: true })
  dbsLevel: DbsLevel | null;

  @Field(() => [BarredList])
  barredLists: BarredList[];

  @Field(() => [BarredList], {
    nullable: true,
    description: 'For a BARRED outcome, the barred lists the person is on.',
  })
  barredOn: BarredList[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'DBS certificate number; the certificate itself is never stored.',
  })
  certificateNumber: string | null;

  @Field(() => CalendarDate, { nullable: true })
  issuedOn: string | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description: "Re-check date, from the organisation's re-check policy.",
  })
  expiresOn: string | null;

  @Field()
  updateServiceSubscribed: boolean;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  /** True when the caller may read the notes (a coordinator of the volunteer's organisation). */
  notesReadable: boolean;

  static from(row: VettingCheckRow, view: CheckView, notesReadable: boolean): VettingCheckObject {
    return Object.assign(new VettingCheckObject(), {
      id: row.id,
      kind: row.kind,
      status: row.status,
      dbsLevel: row.dbsLevel,
      barredLists: row.barredLists,
      barredOn: row.outcome === VettingCheckStatus.BARRED ? row.barredOn : null,
      certificateNumber: view === 'ORGANISATION' ? row.certificateNumber : null,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      updateServiceSubscribed: row.updateServiceSubscribed,
      requestedAt: row.requestedAt,
      decidedAt: row.decidedAt,
      notesReadable: view === 'ORGANISATION' && notesReadable,
    });
  }
}
