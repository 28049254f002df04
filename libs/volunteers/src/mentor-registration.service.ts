import { AuthService, UserEntity } from '@app/auth';
import { AuditService, DomainError, Role, VolunteerStatus } from '@app/core';
import { GeoService } from '@app/geo';
import { NotifyService } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MentorApplication, checkApplication } from './registration-rules';
import { VolunteerProfileEntity } from './volunteer-profile.entity';
import { VolunteerRepository } from './volunteer.repository';

export interface Registration {
  accessToken: string;
  user: UserEntity;
  profile: VolunteerProfileEntity;
}

/** registerMentor: a MENTOR account and its APPLIED profile, created together or not at all. */
@Injectable()
export class MentorRegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly geo: GeoService,
    private readonly volunteers: VolunteerRepository,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
  ) {}

  async register(input: MentorApplication): Promise<Registration> {
    const application = checkApplication(input);
    // Only the outcode gets this far: the full postcode is neither stored, audited nor logged.
    const place = await this.geo.locatePostcode(application.outcode, 'input.postcode');
    const { user, profile } = await this.dataSource.transaction(async (manager) => {
      if (
        application.organisationId &&
        !(await this.volunteers.organisationExists(manager, application.organisationId))
      ) {
        throw DomainError.badInput('input.organisationId', 'no such organisation');
      }
      // The organisation is the profile's, not the account's: a mentor's token carries no organisation.
      const user = await this.auth.createAccount(manager, null, {
        email: application.email,
        password: application.password,
        role: Role.MENTOR,
      });
      const profile = await this.volunteers.insert(manager, {
        userId: user.id,
        organisationId: application.organisationId,
        displayName: application.displayName,
        outcode: place.outcode,
        location: place.location,
        travelRadiusKm: application.travelRadiusKm,
        gender: application.gender,
        languages: application.languages,
        pathways: application.pathways,
        livedExperience: application.livedExperience,
        deliveryModes: application.deliveryModes,
        maxMentees: application.maxMentees,
      });
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'volunteer.registered',
        entityType: 'volunteer',
        entityId: profile.id,
        details: {
          userId: user.id,
          organisationId: profile.organisationId,
          status: VolunteerStatus.APPLIED,
        },
      });
      // A welcome to the mentor and "new application" to the organisation's coordinators.
      await this.notify.enqueue(manager, {
        kind: 'mentor.registered',
        recipients: [{ userId: user.id }, { coordinatorsOf: profile.organisationId }],
        data: {},
        dedupeKey: `mentor.registered:${profile.id}`,
      });
      return { user, profile };
    });
    return { accessToken: this.auth.tokenFor(user), user, profile };
  }
}
