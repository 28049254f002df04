import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('GeoPoint')
export class GeoPointObject {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}
