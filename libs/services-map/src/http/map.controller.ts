import { Public } from '@app/core';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Options,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MapSnapshotCache } from '../map-snapshot.cache';
import { MapPage } from '../page/map-page';
import { PublicServiceMatch, PublicServiceSearch } from '../public-service-search';
import { MapSearchRateLimitGuard } from './map-search-rate-limit.guard';
import { MapSearchQuery } from './map-search.query';
import { PublicBadRequestFilter, fromDomainError, publicError } from './public-errors';

/** Anyone may read the map from any site; no credentials are involved. */
export const OPEN_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, Content-Type',
  'access-control-expose-headers': 'ETag',
  'access-control-max-age': '86400',
  // Helmet's same-origin default would stop other sites' pages from reading the data.
  'cross-origin-resource-policy': 'cross-origin',
};

export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The public services map: GeoJSON, search, and the web page. No sign-in; no person's data. */
@Public()
@UseFilters(PublicBadRequestFilter)
@Controller('map')
export class MapController {
  constructor(
    private readonly cache: MapSnapshotCache,
    private readonly search: PublicServiceSearch,
    private readonly page: MapPage,
  ) {}

  @Get('services.geojson')
  async services(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const snapshot = await this.cache.current();
    reply.headers(OPEN_CORS);
    if (!snapshot) {
      throw publicError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'MAP_NOT_READY',
        'The services map has not been built yet',
      );
    }
    const etag = `"${snapshot.contentHash}"`;
    reply
      .header('etag', etag)
      .header('cache-control', SNAPSHOT_CACHE_CONTROL)
      .header('vary', 'Accept-Encoding');
    if (matches(request.headers['if-none-match'], etag)) {
      await reply.code(304).send();
      return;
    }
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    if (acceptsGzip(request.headers['accept-encoding'])) {
      await reply.header('content-encoding', 'gzip').send(await this.cache.gzipped(snapshot));
      return;
    }
    await reply.send(snapshot.content);
  }

  @Options(['services.geojson', 'search'])
  @HttpCode(204)
  preflight(@Res({ passthrough: true }) reply: FastifyReply): void {
    reply.headers(OPEN_CORS);
  }

  @Get('search')
  @UseGuards(MapSearchRateLimitGuard)
  @Header('cache-control', 'no-store')
  async find(
    @Query() query: MapSearchQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ results: PublicServiceMatch[] }> {
    reply.headers(OPEN_CORS);
    try {
      return { results: await this.search.find(query) };
    } catch (error) {
      throw fromDomainError(error);
    }
  }

  @Get()
  async html(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', this.page.contentSecurityPolicy)
      .header('cache-control', 'public, max-age=300')
      .send(this.page.html);
  }
}

/** Whether Accept-Encoding names gzip with a weight above 0 (`gzip`, `gzip;q=0.5`, not `gzip ;q=0`). */
function acceptsGzip(header: string | undefined): boolean {
  for (const part of header?.split(',') ?? []) {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (coding !== 'gzip') continue;
    const weight = params.find((param) => param.startsWith('q='));
    return weight === undefined || Number(weight.slice(2).trim()) > 0;
  }
  return false;
}

/** If-None-Match: `*`, one tag, or a list; weak tags compare equal (RFC 9110 weak comparison). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
