import { AuditService, AuthUser, DomainError, changedValues } from '@app/core';
import { GeoService, LocatedPlace } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProfileChanges, ProfileField, checkProfileChanges } from './profile-rules';
import { canReach } from './volunteer-access';
import { DEPARTED_STATUSES } from './volunteer-departures';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { ProfileUpdate, VolunteerRepository } from './volunteer.repository';

/** Each editable column and the input field that sets it (the postcode sets the outcode and point). */
const COLUMNS: [ProfileField, keyof ProfileUpdate][] = [
  ['displayName', 'displayName'],
  ['postcode', 'outcode'],
  ['gender', 'gender'],
  ['languages', 'languages'],
  ['pathways', 'pathways'],
  ['livedExperience', 'livedExperience'],
  ['deliveryModes', 'deliveryModes'],
  ['travelRadiusKm', 'travelRadiusKm'],
  ['maxMentees', 'maxMentees'],
];

/**
 * updateVolunteerProfile: the mentor edits their own profile, or the organisation (a coordinator,
 * an admin) edits it, e.g. the mentor's capacity. Only the fields sent change, each checked by the
 * registration rule for it. The profile row is locked for the change, so the capacity rule
 * (maxMentees not below activeMentees) holds against a concurrent respondToMatch accept, which
 * locks the same row. Suggestions and matching read the profile, so a change counts for them at
 * once; existing matches are left as they are.
 */
@Injectable()
export class VolunteerProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerRepository,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
  ) {}

  async update(
    actor: AuthUser,
    id: string,
    input: ProfileChanges,
  ): Promise<VolunteerProfileEntity> {
    const checked = checkProfileChanges(input);
    // Only the outcode gets this far: the full postcode is neither stored, audited nor logged.
    const place: LocatedPlace | null = checked.outcode
      ? await this.geo.locatePostcode(checked.outcode, 'input.postcode')
      : null;
    return this.dataSource.transaction(async (manager) => {
      const volunteer = await this.volunteers.lockById(manager, id);
      if (!volunteer || !canReach(actor, volunteer)) throw DomainError.notFound('Volunteer');
      if (DEPARTED_STATUSES.has(volunteer.status)) {
        throw DomainError.conflict(`A ${volunteer.status} volunteer's profile cannot be changed`);
      }
      if (checked.maxMentees !== undefined && checked.maxMentees < volunteer.activeMentees) {
        throw DomainError.conflict(
          `maxMentees cannot be below the ${volunteer.activeMentees} mentees the volunteer has now; end a match first`,
        );
      }
      const wanted: ProfileUpdate = { ...checked };
      if (place) Object.assign(wanted, { outcode: place.outcode, location: place.location });

      // Only what differs is written and audited; the point goes with its outcode.
      const change = changedValues(wanted, volunteer);
      if (change.outcode) change.location = wanted.location;
      const fields = COLUMNS.filter(([, column]) => change[column] !== undefined).map(
        ([field]) => field,
      );
      if (fields.length === 0) return volunteer;

      await this.volunteers.updateProfile(manager, volunteer.id, change);
      // The names of the fields only: a postcode, a gender or a language describes the person.
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'volunteer.profile_updated',
        entityType: 'volunteer',
        entityId: volunteer.id,
        details: { fields, actorRole: actor.role },
      });
      return Object.assign(volunteer, change);
    });
  }
}
