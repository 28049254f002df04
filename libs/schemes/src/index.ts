/** Mentoring schemes: the module (CRUD, searchServices, Organisation.schemes). */
export * from './schemes.module';
/** Scheme rules and reads for other libraries (referrals, matching, the services map). */
export * from './schemes.service';
export * from './scheme.repository';
/** The schemes table. */
export * from './scheme.entity';
/** The GraphQL Scheme and GeoPoint types, for other libraries' fields. */
export * from './dto/scheme.object';
export * from './dto/geo-point.object';
/** scheme.changed: the event, its payload and where it is written. */
export * from './scheme-events';
export * from './scheme-event.entity';
/** Pure ranking and reasons of the service search. */
export * from './search/rank-services';
/** The search statement (the benchmark runs it through raw pg). */
export * from './search/service-search.sql';
/** Reference places (cached) and the search itself, for the public services map. */
export * from './places';
export * from './search/service-search.service';
