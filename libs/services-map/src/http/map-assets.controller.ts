import { Public } from '@app/core';
import { Controller, Get, HttpStatus, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MapPage } from '../page/map-page';
import { publicError } from './public-errors';

/** Leaflet and the page's own script and styles, from memory (a fixed list: no file paths from the URL). */
@Public()
@Controller('map/assets')
export class MapAssetsController {
  constructor(private readonly page: MapPage) {}

  @Get(':file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const asset = this.page.assets.get(file);
    if (!asset) throw publicError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such file');
    await reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=3600')
      .send(asset.body);
  }
}
