/** Configuration validated at boot. */
export * from './config/env.validation';
export * from './config/config.module';
/** The shared DataSource options, base entity, naming and PostGIS point mapping. */
export * from './database/data-source';
export * from './database/database.module';
export * from './database/base.entity';
export * from './database/geo-point';
export * from './database/postgres-errors';
export * from './database/contains-pattern';
export * from './database/changed-values';
/** Names as kept and searched for: composed, trimmed, one space between words. */
export * from './text/names';
/** Contract error codes, the error every library throws, and their GraphQL mapping. */
export * from './errors/error-code';
export * from './errors/domain.error';
export * from './errors/domain-error.filter';
export * from './errors/graphql-error.formatter';
/** Audit trail of who changed what. */
export * from './audit/audit-event.entity';
export * from './audit/audit.service';
export * from './audit/audit.module';
export * from './audit/audited-reads';
/** Shared GraphQL building blocks: enums, scalars and connections. */
export * from './graphql/enums';
export * from './graphql/pathway-words';
export * from './graphql/pagination';
/** Redis connection options and key prefix. */
export * from './redis/redis.options';
export * from './redis/redis.module';
export * from './redis/fixed-window';
/** Per-address limits count an IPv6 client by its /64. */
export * from './redis/address-bucket';
/** Per-request DataLoaders registered by each library. */
export * from './graphql/loaders';
export * from './graphql/loaders.module';
/** Who is calling, and the decorators and guard that decide what they may do. */
export * from './auth/auth-user';
export * from './auth/decorators';
export * from './auth/roles.guard';
export * from './graphql/scalars';
export * from './graphql/entity-id.pipe';
export * from './graphql/given';
export * from './graphql/input-validation.pipe';
/** Structured logs with redaction. */
export * from './logging/logging.module';
/** The controllable clock and calendar-date arithmetic. */
export * from './clock/clock';
export * from './clock/calendar';
/** ISO 639-1 language codes and their names. */
export * from './languages/languages';
