import { OrganisationSpecialism } from '@app/core';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationEntity } from '../organisation.entity';

@ObjectType('Organisation')
export class OrganisationObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  charityNumber: string | null;

  @Field(() => [OrganisationSpecialism])
  specialisms: OrganisationSpecialism[];

  @Field(() => Int, { description: 'Years after issue before a DBS check must be renewed.' })
  dbsRecheckYears: number;

  static from(entity: OrganisationEntity): OrganisationObject {
    return Object.assign(new OrganisationObject(), {
      id: entity.id,
      name: entity.name,
      charityNumber: entity.charityNumber,
      specialisms: entity.specialisms,
      dbsRecheckYears: entity.dbsRecheckYears,
    });
  }
}
