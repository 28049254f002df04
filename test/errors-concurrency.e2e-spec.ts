import { formatGraphQLError } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi } from './support/app';

// When PostgreSQL gives up on a transaction because another changed the same rows at the same time
// (a deadlock), nothing was written and the request can be sent again: clients get CONFLICT with
// that advice, not INTERNAL_SERVER_ERROR. The deadlock here is a real one.

describe('a transaction lost to a concurrent one', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  async function realDeadlock(): Promise<unknown> {
    const dataSource = api.app.get(DataSource);
    await dataSource.query('CREATE TABLE IF NOT EXISTS deadlock_probe (id int PRIMARY KEY)');
    await dataSource.query('INSERT INTO deadlock_probe VALUES (1), (2) ON CONFLICT DO NOTHING');
    const [a, b] = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      await a.startTransaction();
      await b.startTransaction();
      await a.query('SELECT id FROM deadlock_probe WHERE id = 1 FOR UPDATE');
      await b.query('SELECT id FROM deadlock_probe WHERE id = 2 FOR UPDATE');
      const outcomes = await Promise.allSettled([
        a.query('SELECT id FROM deadlock_probe WHERE id = 2 FOR UPDATE'),
        b.query('SELECT id FROM deadlock_probe WHERE id = 1 FOR UPDATE'),
      ]);
      const lost = outcomes.find((outcome) => outcome.status === 'rejected');
      if (!lost) throw new Error('expected one of the two to be chosen as the deadlock victim');
      return (lost as PromiseRejectedResult).reason;
    } finally {
      await a.rollbackTransaction().catch(() => undefined);
      await b.rollbackTransaction().catch(() => undefined);
      await a.release();
      await b.release();
    }
  }

  it('is CONFLICT, telling the client to try again', async () => {
    const error = await realDeadlock();
    expect((error as { driverError?: { code?: string } }).driverError?.code).toBe('40P01');
    const formatted = formatGraphQLError({ message: 'deadlock detected' }, error);
    expect(formatted.extensions?.code).toBe('CONFLICT');
    expect(formatted.message).toMatch(/nothing was saved, try again/);
  });
});
