/** Volunteer mentors: registration, profiles and their lifecycle. */
export * from './volunteers.module';
export * from './volunteer-profile.entity';
