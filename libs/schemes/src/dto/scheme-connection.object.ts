import { Connection } from '@app/core';
import { ObjectType } from '@nestjs/graphql';
import { SchemeObject } from './scheme.object';

@ObjectType('SchemeConnection')
export class SchemeConnectionObject extends Connection(SchemeObject, 'Scheme') {}
