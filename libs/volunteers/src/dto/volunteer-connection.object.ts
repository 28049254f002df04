import { Connection } from '@app/core';
import { ObjectType } from '@nestjs/graphql';
import { VolunteerProfileObject } from './volunteer-profile.object';

@ObjectType('VolunteerConnection')
export class VolunteerConnection extends Connection(VolunteerProfileObject, 'Volunteer') {}
