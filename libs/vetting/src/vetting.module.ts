import { Module } from '@nestjs/common';
import { RehabilitationResolver } from './rehabilitation.resolver';

/** Vetting and barring, and fair-chance guidance. */
@Module({ providers: [RehabilitationResolver] })
export class VettingModule {}
