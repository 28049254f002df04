import { AuthModule, UserObject, UserRepository } from '@app/auth';
import { LoaderRegistry, byKeys } from '@app/core';
import { GeoModule } from '@app/geo';
import { NotifyModule } from '@app/notifications';
import { Module, OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { MentorRegistrationService } from './mentor-registration.service';
import { RegistrationLimit } from './registration-limit';
import { VolunteerDepartures } from './volunteer-departures';
import { VolunteerEligibility } from './volunteer-eligibility';
import { VolunteerProfileService } from './volunteer-profile.service';
import { VolunteerStatusService } from './volunteer-status.service';
import { VolunteerRepository } from './volunteer.repository';
import { VolunteersResolver } from './volunteers.resolver';
import { VolunteersService } from './volunteers.service';

@Module({
  imports: [AuthModule, GeoModule, NotifyModule],
  providers: [
    VolunteerRepository,
    VolunteerEligibility,
    VolunteerDepartures,
    MentorRegistrationService,
    RegistrationLimit,
    VolunteersService,
    VolunteerStatusService,
    VolunteerProfileService,
    VolunteersResolver,
  ],
  exports: [VolunteerRepository, VolunteersService, VolunteerEligibility, VolunteerDepartures],
})
export class VolunteersModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly users: UserRepository,
  ) {}

  /** `userById`: every `VolunteerProfile.user` on a page is one query. */
  onModuleInit(): void {
    this.loaders.register(
      'userById',
      () =>
        new DataLoader<string, UserObject | null>(async (ids) => {
          const rows = await this.users.findByIds(ids);
          return byKeys(ids, rows.map(UserObject.from), (user) => user.id);
        }),
    );
  }
}
