import {
  AuditService,
  AuthUser,
  CurrentUser,
  LoaderRegistry,
  Loaders,
  RequestLoaders,
  RiskLevel,
} from '@app/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ReferralObject } from './dto/referral.object';

/** The fields of a referral whose every read is audited: the prison number and the risk level. */
export type SensitiveReferralField = 'personReference' | 'riskLevel';

interface SensitiveRead {
  referralId: string;
  field: SensitiveReferralField;
  reader: string;
}

const REFERRAL_READS = 'referralSensitiveReads';

/**
 * Audits the reads of a referral's prison number and risk level: a `referral.read` event naming
 * the fields, written before the values are returned (a read the audit trail does not show never
 * happens). One insert per batch of a request, one event per referral in it; each field of a
 * referral is recorded once per request, however often the request shows it.
 */
@Injectable()
export class ReferralReads implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.loaders.register(
      REFERRAL_READS,
      () =>
        new DataLoader<SensitiveRead, true, string>(
          async (reads) => {
            const fields = new Map<string, Set<SensitiveReferralField>>();
            for (const read of reads) {
              const seen = fields.get(read.referralId) ?? new Set();
              fields.set(read.referralId, seen.add(read.field));
            }
            await this.audit.recordMany(
              this.dataSource.manager,
              [...fields].map(([referralId, read]) => ({
                actorUserId: reads[0].reader,
                action: 'referral.read',
                entityType: 'referral',
                entityId: referralId,
                details: { fields: [...read].sort() },
              })),
            );
            return reads.map(() => true as const);
          },
          { cacheKeyFn: (read) => `${read.reader}:${read.referralId}:${read.field}` },
        ),
    );
  }

  /** Resolves once the read of `field` by `reader` is on the audit trail. */
  static async audited(
    loaders: RequestLoaders,
    reader: AuthUser,
    referralId: string,
    field: SensitiveReferralField,
  ): Promise<void> {
    await loaders
      .get<SensitiveRead, true>(REFERRAL_READS)
      .load({ referralId, field, reader: reader.id });
  }
}

/** `Referral.personReference` and `Referral.riskLevel`: values of the referral, each read audited. */
@Resolver(() => ReferralObject)
export class ReferralSensitiveFieldsResolver {
  @ResolveField(() => String, {
    description:
      'Prison number (e.g. A1234BC): the only identifier kept for the person. Every read is audited.',
  })
  async personReference(
    @Parent() referral: ReferralObject,
    @CurrentUser() reader: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<string> {
    await ReferralReads.audited(loaders, reader, referral.id, 'personReference');
    return referral.personReference;
  }

  @ResolveField(() => RiskLevel, {
    description: 'Risk of serious harm (OASys). Every read is audited.',
  })
  async riskLevel(
    @Parent() referral: ReferralObject,
    @CurrentUser() reader: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<RiskLevel> {
    await ReferralReads.audited(loaders, reader, referral.id, 'riskLevel');
    return referral.riskLevel;
  }
}
