import { BarredList, DbsLevel, DeliveryMode, Gender, LatLng, Pathway, RiskLevel } from '@app/core';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SchemeEntity } from '../scheme.entity';
import { GeoPointObject } from './geo-point.object';

/** The public face of a scheme; `organisation` resolves through the organisationById loader. */
@ObjectType('Scheme')
export class SchemeObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  organisationId: string;

  @Field(() => [Pathway])
  pathways: Pathway[];

  @Field(() => [Gender], { description: 'Genders served; empty means all.' })
  genders: Gender[];

  @Field(() => Int, { nullable: true })
  minAge: number | null;

  @Field(() => Int, { nullable: true })
  maxAge: number | null;

  @Field(() => RiskLevel, { description: 'Highest risk of serious harm the scheme accepts.' })
  maxRiskLevel: RiskLevel;

  @Field(() => [DeliveryMode])
  deliveryModes: DeliveryMode[];

  @Field(() => [String])
  languages: string[];

  @Field(() => GeoPointObject, { nullable: true, description: 'Where the scheme is based.' })
  location: LatLng | null;

  @Field(() => String, { nullable: true })
  postcode: string | null;

  @Field(() => [String], {
    description: 'ONS GSS codes of the local authorities the scheme covers.',
  })
  coverageLocalAuthorities: string[];

  @Field(() => Float, {
    nullable: true,
    description: 'Also covers everywhere within this distance of its base.',
  })
  radiusKm: number | null;

  @Field()
  national: boolean;

  @Field(() => [String], {
    description: 'Prisons where the scheme meets people before release (through the gate).',
  })
  prisonsServed: string[];

  @Field(() => DbsLevel)
  requiredDbsLevel: DbsLevel;

  @Field(() => [BarredList])
  requiredBarredLists: BarredList[];

  @Field(() => Int)
  capacity: number;

  @Field(() => Int)
  activeMentees: number;

  @Field()
  active: boolean;

  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(scheme: SchemeEntity): SchemeObject {
    return Object.assign(new SchemeObject(), {
      id: scheme.id,
      name: scheme.name,
      description: scheme.description,
      organisationId: scheme.organisationId,
      pathways: scheme.pathways,
      genders: scheme.genders,
      minAge: scheme.minAge,
      maxAge: scheme.maxAge,
      maxRiskLevel: scheme.maxRiskLevel,
      deliveryModes: scheme.deliveryModes,
      languages: scheme.languages,
      location: scheme.location,
      postcode: scheme.postcode,
      coverageLocalAuthorities: scheme.coverageLocalAuthorities,
      radiusKm: scheme.radiusKm,
      national: scheme.national,
      prisonsServed: scheme.prisonsServed,
      requiredDbsLevel: scheme.requiredDbsLevel,
      requiredBarredLists: scheme.requiredBarredLists,
      capacity: scheme.capacity,
      activeMentees: scheme.activeMentees,
      active: scheme.active,
      createdAt: scheme.createdAt,
      updatedAt: scheme.updatedAt,
    });
  }
}
