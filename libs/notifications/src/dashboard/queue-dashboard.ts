import { TokenService } from '@app/auth';
import { Role } from '@app/core';
import { JobQueues, QueueName } from '@app/core/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'queue_dashboard_token';

/** The bearer token of a dashboard request: the Authorization header, else the dashboard cookie. */
export function dashboardToken(headers: FastifyRequest['headers']): string | undefined {
  if (typeof headers.authorization === 'string') return headers.authorization;
  const cookie = (headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`));
  if (!cookie) return undefined;
  try {
    return `Bearer ${decodeURIComponent(cookie.slice(COOKIE.length + 1))}`;
  } catch {
    // Not percent-encoding we wrote: no token (401), not a server error.
    return undefined;
  }
}

/**
 * Bull Board at /admin/queues, for ADMINs only: every queue of QueueName. A request needs an
 * ADMIN's bearer token, in the Authorization header or, for a browser, in a cookie set by opening
 * `/admin/queues?token=<access token>` once (the token is then dropped from the address).
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: JobQueues,
    private readonly tokens: TokenService,
    private readonly config: ConfigService,
  ) {}

  async onModuleInit(): Promise<void> {
    const http = this.adapterHost?.httpAdapter;
    // The worker (no HTTP) has nothing to mount on.
    if (!http || http.getType() !== 'fastify') return;
    const fastify = http.getInstance<FastifyInstance>();
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.queues.queue(name))),
      serverAdapter: board,
    });
    await fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.authorize(request, reply));
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
  }

  private async authorize(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = request.query as { token?: unknown } | undefined;
    if (typeof query?.token === 'string') {
      const secure = this.config.get('NODE_ENV') === 'production' ? '; Secure' : '';
      await reply
        .header(
          'set-cookie',
          `${COOKIE}=${encodeURIComponent(query.token)}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure}`,
        )
        .redirect(QUEUE_DASHBOARD_PATH, 303);
      return reply;
    }
    const user = await this.tokens.authenticate(dashboardToken(request.headers));
    if (!user) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ message: 'Sign in as an ADMIN' });
      return reply;
    }
    if (user.role !== Role.ADMIN) {
      await reply.code(403).send({ message: 'Only ADMINs may see the queues' });
      return reply;
    }
  }
}
