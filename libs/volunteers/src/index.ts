/** Volunteer mentors: registration, profiles and their lifecycle. */
export * from './volunteers.module';
/** The profile table (outcode and point only, never the full postcode). */
export * from './volunteer-profile.entity';
/** Named queries on profiles, for libraries that read volunteers (matching, vetting). */
export * from './volunteer.repository';
/** Reads within the caller's role and organisation. */
export * from './volunteers.service';
/** Who may reach a volunteer; other libraries reuse it for nested paths to a volunteer. */
export * from './volunteer-access';
/** The lifecycle: allowed transitions, and the seam where vetting adds eligibility rules. */
export * from './status-transitions';
export * from './volunteer-eligibility';
export * from './volunteer-departures';
/** The GraphQL type of a profile, for other libraries' fields that return one. */
export * from './dto/volunteer-profile.object';
