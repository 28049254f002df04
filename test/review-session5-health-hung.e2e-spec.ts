import { PrivateRedis } from './support/notifications';
import type { OwnApi } from './support/own-stack';
import { startOwnApi } from './support/own-stack';

// Review (session 5): GET /health/worker, like GET /health, answers within seconds when Redis
// hangs (a stopped server whose connections stay open), instead of waiting for ever.

jest.setTimeout(90_000);

describe('review: GET /health/worker when Redis stops answering', () => {
  let redis: PrivateRedis;
  let stack: OwnApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await startOwnApi('review5hung', { REDIS_URL: redis.url });
  }, 120_000);
  afterAll(async () => {
    (redis as unknown as { process: { kill(signal: string): void } | null }).process?.kill(
      'SIGCONT',
    );
    try {
      await stack?.stop();
    } finally {
      await redis?.stop();
    }
  });

  it('answers 503 within a few seconds, as GET /health does, rather than hanging', async () => {
    expect((await stack.api.http.get('/health/worker')).status).toBe(503); // no worker yet
    // A hung server (stopped, its connections open): commands wait for ever unless timed out.
    (redis as unknown as { process: { kill(signal: string): void } }).process.kill('SIGSTOP');
    const started = Date.now();
    const response = await stack.api.http
      .get('/health/worker')
      .timeout(8000)
      .catch((error: Error) => error);
    expect(response).not.toBeInstanceOf(Error);
    expect((response as { status: number }).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
