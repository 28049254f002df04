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
 * their own checks, never notes or the certificate number. `status` and `barredOn` are field
 * resolvers too: someone other than the mentor reading a criminal-record outcome (a DISCLOSURE or
 * BARRED result, a conviction risk assessment) is audited.
 */
@ObjectType('VettingCheck')
export class VettingCheckObject {
  @Field(() => ID)
  id: string;

  @Field(() => VettingCheckKind)
  kind: VettingCheckKind;

  /** VettingCheckResolver.status. */
  status: VettingCheckStatus;

  @Field(() => DbsLevel, { nullable: true })
  dbsLevel: DbsLevel | null;

  @Field(() => [BarredList])
  barredLists: BarredList[];

  /** VettingCheckResolver.barredOn. */
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
    description:
      "Re-check date, from the organisation's re-check policy: the last day the check counts; from the next day it is EXPIRED.",
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

  /** True when the caller reads someone else's criminal-record outcome: the read is audited. */
  outcomeReadAudited: boolean;

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
      outcomeReadAudited:
        view === 'ORGANISATION' &&
        (row.status === VettingCheckStatus.DISCLOSURE ||
          row.status === VettingCheckStatus.BARRED ||
          (row.kind === VettingCheckKind.CONVICTION_RISK_ASSESSMENT && row.decidedAt !== null)),
    });
  }
}
