import { Public } from '@app/core';
import {
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { MapSnapshotCache } from '../map-snapshot.cache';
import { orukPage, toOrukService, toOrukServiceListItem } from '../open-referral/oruk-service';
import { ServiceFeature, ServicesMap } from '../snapshot/build-snapshot';
import { OPEN_CORS } from './map.controller';
import { PublicBadRequestFilter, publicError } from './public-errors';

/** HSDA paging: `page` from 1, `per_page` up to 100. */
export class OrukPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  per_page?: number;
}

/**
 * The services in the Open Referral UK (HSDS 3.0) shape, read from the current map snapshot: the
 * same public data as the GeoJSON, so the two feeds never disagree.
 */
@Public()
@UseFilters(PublicBadRequestFilter)
@Controller('openreferral')
export class OpenReferralController {
  private parsed: {
    hash: string;
    features: ServiceFeature[];
    byId: Map<string, ServiceFeature>;
  } | null = null;

  constructor(private readonly cache: MapSnapshotCache) {}

  @Get('services')
  async services(@Query() query: OrukPageQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    // Cacheable only once there is something to serve: a 503 "not published yet" must not be kept.
    reply.headers(OPEN_CORS).header('cache-control', 'no-store');
    const { features } = await this.current();
    reply.header('cache-control', 'public, max-age=60');
    const page = orukPage(features, query.page ?? 1, query.per_page ?? 50);
    return { ...page, contents: page.contents.map(toOrukServiceListItem) };
  }

  @Get('services/:id')
  async service(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.headers(OPEN_CORS).header('cache-control', 'no-store');
    const feature = (await this.current()).byId.get(id);
    reply.header('cache-control', 'public, max-age=60');
    if (!feature) throw publicError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such service');
    return toOrukService(feature);
  }

  private async current() {
    const snapshot = await this.cache.current();
    if (!snapshot) {
      throw publicError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'MAP_NOT_READY',
        'The services have not been published yet',
      );
    }
    if (this.parsed?.hash !== snapshot.contentHash) {
      const map = JSON.parse(snapshot.content.toString('utf8')) as ServicesMap;
      this.parsed = {
        hash: snapshot.contentHash,
        features: map.features,
        byId: new Map(map.features.map((feature) => [feature.id, feature])),
      };
    }
    return this.parsed;
  }
}
