import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './loaders';

@Global()
@Module({ providers: [LoaderRegistry], exports: [LoaderRegistry] })
export class LoadersModule {}
