import { AuthModule, TokenService } from '@app/auth';
import {
  AppConfigModule,
  AuditModule,
  ClockModule,
  DatabaseModule,
  DomainErrorFilter,
  InputValidationPipe,
  LoaderRegistry,
  LoadersModule,
  LoggingModule,
  RedisModule,
  RolesGuard,
} from '@app/core';
import { GeoModule } from '@app/geo';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';
import { OrganisationsModule } from '@app/organisations';
import { SchemesModule } from '@app/schemes';
import { ServicesMapModule } from '@app/services-map';
import { VettingModule } from '@app/vetting';
import { VolunteersModule } from '@app/volunteers';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { BootstrapAdmin } from './bootstrap-admin';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    AuditModule,
    ClockModule,
    LoadersModule,
    GeoModule,
    OrganisationsModule,
    AuthModule,
    VolunteersModule,
    NotificationsModule,
    SchemesModule,
    ServicesMapModule,
    VettingModule,
    MatchingModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AuthModule],
      inject: [ConfigService, TokenService, LoaderRegistry],
      useFactory: graphqlOptions,
    }),
    HealthModule,
  ],
  providers: [
    BootstrapAdmin,
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_PIPE, useValue: new InputValidationPipe() },
    // Client errors are answered, not logged: their messages may quote sensitive input.
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class AppModule {}
