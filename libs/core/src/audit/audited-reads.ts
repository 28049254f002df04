import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { LoaderRegistry, RequestLoaders } from '../graphql/loaders';
import { AuditService } from './audit.service';

interface AuditedRead {
  entityId: string;
  field: string;
  reader: string;
}

/**
 * Fields whose every read is audited (a referral's prison number, a check's DBS outcome): before a
 * field resolver returns such a value it awaits `record`, which writes an event (`action`, naming
 * the fields) through a per-request loader: one insert per batch, one event per record in it, and
 * each field of a record once per request however often the request shows it. If the insert fails
 * the field fails: a read the audit trail does not show never happens.
 */
export class AuditedReads {
  constructor(
    private readonly loaderName: string,
    private readonly action: string,
    private readonly entityType: string,
  ) {}

  register(loaders: LoaderRegistry, audit: AuditService, dataSource: DataSource): void {
    loaders.register(
      this.loaderName,
      () =>
        new DataLoader<AuditedRead, true, string>(
          async (reads) => {
            const fields = new Map<string, Set<string>>();
            for (const read of reads)
              fields.set(read.entityId, (fields.get(read.entityId) ?? new Set()).add(read.field));
            await audit.recordMany(
              dataSource.manager,
              [...fields].map(([entityId, read]) => ({
                actorUserId: reads[0].reader,
                action: this.action,
                entityType: this.entityType,
                entityId,
                details: { fields: [...read].sort() },
              })),
            );
            return reads.map(() => true as const);
          },
          { cacheKeyFn: (read) => `${read.reader}:${read.entityId}:${read.field}` },
        ),
    );
  }

  /** Resolves once this read is on the audit trail (within one request the reader is one person). */
  async record(
    loaders: RequestLoaders,
    reader: AuthUser,
    entityId: string,
    field: string,
  ): Promise<void> {
    await loaders
      .get<AuditedRead, true>(this.loaderName)
      .load({ entityId, field, reader: reader.id });
  }
}
