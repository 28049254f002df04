import { Connection } from '@app/core';
import { ObjectType } from '@nestjs/graphql';
import { UserObject } from './user.object';

@ObjectType('UserConnection')
export class UserConnectionObject extends Connection(UserObject, 'User') {}
