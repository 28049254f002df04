import { CalendarDate, Gender, Pathway, RiskLevel } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReferralStatus } from '../referral-status';
import { ReferralEntity } from '../referral.entity';

/** A referral as either side sees it (`scheme` is a field resolver). */
@ObjectType('Referral')
export class ReferralObject {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralStatus)
  status: ReferralStatus;

  /** Why it was declined or withdrawn. */
  @Field(() => String, { nullable: true })
  statusReason: string | null;

  schemeId: string;

  organisationId: string;

  /** Prison number; a field resolver (ReferralSensitiveFieldsResolver), as each read is audited. */
  personReference: string;

  @Field()
  prisonCode: string;

  @Field(() => CalendarDate)
  releaseDate: string;

  @Field(() => CalendarDate, {
    nullable: true,
    description:
      'The release date on which the person was released (the referral became ACTIVE); null until then. Kept if the referral goes back to ACCEPTED for a new mentor.',
  })
  releasedOn: string | null;

  @Field()
  releaseOutcode: string;

  @Field(() => [Pathway])
  needs: Pathway[];

  /** A field resolver too (ReferralSensitiveFieldsResolver). */
  riskLevel: RiskLevel;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => Int)
  age: number;

  @Field(() => [String])
  languages: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  static from(entity: ReferralEntity): ReferralObject {
    return Object.assign(new ReferralObject(), {
      id: entity.id,
      status: entity.status,
      statusReason: entity.statusReason,
      schemeId: entity.schemeId,
      organisationId: entity.organisationId,
      personReference: entity.personReference,
      prisonCode: entity.prisonCode,
      releaseDate: entity.releaseDate,
      releasedOn: entity.releasedOn,
      releaseOutcode: entity.releaseOutcode,
      needs: entity.needs,
      riskLevel: entity.riskLevel,
      gender: entity.gender,
      age: entity.age,
      languages: entity.languages,
      respondedAt: entity.respondedAt,
      createdAt: entity.createdAt,
    });
  }
}
