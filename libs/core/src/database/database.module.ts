import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';

/** The PostgreSQL/PostGIS connection for the API and the worker. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...dataSourceOptions(config.get<string>('DATABASE_URL')),
        autoLoadEntities: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
