/** Organisations: the charities that recruit mentors and run schemes. */
export * from './organisations.module';
export * from './organisations.service';
export * from './organisation.repository';
export * from './organisation.entity';
export * from './dto/organisation.object';
export * from './organisation-changes';
