import { Public } from '@app/core';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  RESET_PASSWORD_ASSETS,
  RESET_PASSWORD_CSP,
  RESET_PASSWORD_HTML,
} from './reset-password-page';

/**
 * GET /reset-password: the page a reset email links to (the default PASSWORD_RESET_URL), and its
 * script and styles. No sign-in. The link's token is in the page's URL, so the page is never
 * cached and sends no referrer (its assets' requests would otherwise carry the URL with the token).
 */
@Public()
@Controller('reset-password')
export class ResetPasswordController {
  @Get()
  async page(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', RESET_PASSWORD_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(RESET_PASSWORD_HTML);
  }

  @Get('assets/:file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const asset = RESET_PASSWORD_ASSETS.get(file);
    if (!asset) throw new NotFoundException('No such file');
    await reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(asset.body);
  }
}
