import { Role } from '@app/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserEntity } from '../user.entity';

@ObjectType('User')
export class UserObject {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => Role)
  role: Role;

  /** Resolved through the organisationById loader. */
  organisationId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'HMPPS prison code (e.g. LEI), for prison staff.',
  })
  prisonCode: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the account was disabled; null while it may sign in.',
  })
  disabledAt: Date | null;

  static from(user: UserEntity): UserObject {
    return Object.assign(new UserObject(), {
      id: user.id,
      email: user.email,
      role: user.role,
      organisationId: user.organisationId,
      prisonCode: user.prisonCode,
      disabledAt: user.disabledAt,
    });
  }
}

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field()
  accessToken: string;

  @Field(() => UserObject)
  user: UserObject;
}
