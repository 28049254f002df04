import { AuditService, LoaderRegistry } from '@app/core';
import { NotifyModule } from '@app/notifications';
import { SchemesModule } from '@app/schemes';
import { VolunteerEligibility, VolunteersModule } from '@app/volunteers';
import { Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaselineEligibility } from './baseline-eligibility';
import { ClearanceService } from './clearance.service';
import { RecordVettingOutcome } from './record-vetting-outcome.service';
import { RehabilitationResolver } from './rehabilitation.resolver';
import { RequestVettingCheck } from './request-vetting-check.service';
import { UpdateServiceStatus } from './update-service-status.service';
import { VettingCheckRepository } from './vetting-check.repository';
import { OUTCOME_READS, VettingCheckResolver } from './vetting-check.resolver';
import { registerVettingLoaders } from './vetting-loaders';
import { VettingResolver } from './vetting.resolver';
import { VolunteerVettingResolver } from './volunteer-vetting.resolver';

/** Vetting and barring (checks, clearance, the Update Service), and fair-chance guidance. */
@Module({
  imports: [VolunteersModule, SchemesModule, NotifyModule],
  providers: [
    VettingCheckRepository,
    ClearanceService,
    BaselineEligibility,
    RequestVettingCheck,
    RecordVettingOutcome,
    UpdateServiceStatus,
    VettingResolver,
    VettingCheckResolver,
    VolunteerVettingResolver,
    RehabilitationResolver,
  ],
  exports: [ClearanceService, VettingCheckRepository],
})
export class VettingModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly eligibility: VolunteerEligibility,
    private readonly baseline: BaselineEligibility,
    private readonly checks: VettingCheckRepository,
    private readonly clearance: ClearanceService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** APPROVED needs the baseline (volunteers' seam), and the DataLoaders behind the vetting fields. */
  onModuleInit(): void {
    this.eligibility.register(this.baseline);
    registerVettingLoaders(this.loaders, this.checks, this.clearance);
    OUTCOME_READS.register(this.loaders, this.audit, this.dataSource);
  }
}
