import type { INestApplicationContext } from '@nestjs/common';
import type { OwnApi } from './support/own-stack';
import { startOwnApi } from './support/own-stack';

// Review (session 5): GET /health/worker judges heartbeats by one clock. An API host whose clock
// runs ahead of the worker's (hosts drift; NTP may be late) must not report a running worker as
// gone, nor delete its beat for every other API host.

jest.setTimeout(90_000);

describe('review: GET /health/worker and clocks that disagree', () => {
  let stack: OwnApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    stack = await startOwnApi('review5health');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('counts a running worker while the API host’s clock is a minute ahead, and keeps its beat', async () => {
    const { NestFactory } = await import('@nestjs/core');
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    expect((await stack.api.http.get('/health/worker')).status).toBe(200);

    const realNow = Date.now.bind(Date);
    const ahead = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 60_000);
    let response;
    try {
      response = await stack.api.http.get('/health/worker');
    } finally {
      ahead.mockRestore();
    }
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ info: { worker: { status: 'up', running: 1 } } });
    // The fast clock did not delete the beat: with the clock right again it still counts.
    expect((await stack.api.http.get('/health/worker')).body).toMatchObject({
      info: { worker: { running: 1 } },
    });
  });
});
