/** Import in a domain module to announce things from inside its transactions. */
export * from './notify.module';
/** `enqueue(manager, { kind, recipients, data, dedupeKey })`: writes the outbox row, sends nothing. */
export * from './notify.service';
/** The kinds of notification and the data each takes. */
export * from './templates/notification-kinds';
export * from './templates/notification-template';
/** The API side (resolvers, Bull Board) and the worker side (relay, delivery job). */
export * from './notifications.module';
export * from './notifications-worker.module';
/** The outbox's backlog (what /health/worker and the ADMIN status read). */
export { NotificationOutboxRepository } from './notification-outbox.repository';
export type { OutboxBacklog } from './notification-outbox.repository';
/** The relay, for tests and tools that need to push the outbox by hand. */
export * from './relay/outbox-relay.service';
/** The daily purge of finished outbox rows and its schedule. */
export * from './outbox-retention.service';
export * from './jobs/notification-schedules';
/** Channels, delivery states and the provider interface. */
export * from './channels/channel';
export * from './notification-delivery.entity';
/** UK mobile numbers in E.164. */
export * from './phone-number';
