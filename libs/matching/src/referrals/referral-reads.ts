import {
  AuditService,
  AuditedReads,
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
import { DataSource } from 'typeorm';
import { ReferralObject } from './dto/referral.object';

/** A referral's prison number and risk level: every read is audited as `referral.read`. */
const REFERRAL_READS = new AuditedReads('referralSensitiveReads', 'referral.read', 'referral');

@Injectable()
export class ReferralReads implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    REFERRAL_READS.register(this.loaders, this.audit, this.dataSource);
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
    await REFERRAL_READS.record(loaders, reader, referral.id, 'personReference');
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
    await REFERRAL_READS.record(loaders, reader, referral.id, 'riskLevel');
    return referral.riskLevel;
  }
}
