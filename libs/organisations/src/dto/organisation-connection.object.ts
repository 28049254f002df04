import { Connection } from '@app/core';
import { ObjectType } from '@nestjs/graphql';
import { OrganisationObject } from './organisation.object';

@ObjectType('OrganisationConnection')
export class OrganisationConnectionObject extends Connection(OrganisationObject, 'Organisation') {}
