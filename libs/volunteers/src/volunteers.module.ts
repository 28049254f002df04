import { Module } from '@nestjs/common';

/** Placeholder until registration lands. */
@Module({})
export class VolunteersModule {}
