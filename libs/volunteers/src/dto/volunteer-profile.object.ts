import { DeliveryMode, Gender, Pathway, VolunteerStatus } from '@app/core';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { VolunteerProfileEntity } from '../volunteer-profile.entity';

/** A mentor's profile as clients see it; `user` and `organisation` are resolved through DataLoaders. */
@ObjectType('VolunteerProfile')
export class VolunteerProfileObject {
  @Field(() => ID)
  id: string;

  /** Resolved as `user` through the userById loader. */
  userId: string;

  @Field()
  displayName: string;

  @Field(() => VolunteerStatus)
  status: VolunteerStatus;

  /** Resolved as `organisation` through the organisationById loader. */
  organisationId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Outcode of home postcode; the full postcode is not exposed.',
  })
  outcode: string | null;

  @Field(() => Float)
  travelRadiusKm: number;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => [String])
  languages: string[];

  @Field(() => [Pathway])
  pathways: Pathway[];

  @Field({ description: 'Has lived experience of the criminal justice system.' })
  livedExperience: boolean;

  @Field(() => [DeliveryMode])
  deliveryModes: DeliveryMode[];

  @Field(() => Int)
  maxMentees: number;

  @Field(() => Int)
  activeMentees: number;

  @Field()
  createdAt: Date;

  static from(entity: VolunteerProfileEntity): VolunteerProfileObject {
    return Object.assign(new VolunteerProfileObject(), {
      id: entity.id,
      userId: entity.userId,
      displayName: entity.displayName,
      status: entity.status,
      organisationId: entity.organisationId,
      outcode: entity.outcode,
      travelRadiusKm: entity.travelRadiusKm,
      gender: entity.gender,
      languages: entity.languages,
      pathways: entity.pathways,
      livedExperience: entity.livedExperience,
      deliveryModes: entity.deliveryModes,
      maxMentees: entity.maxMentees,
      activeMentees: entity.activeMentees,
      createdAt: entity.createdAt,
    });
  }
}
