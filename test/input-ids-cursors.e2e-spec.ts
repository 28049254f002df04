import { randomUUID } from 'node:crypto';
import { TestApi, codeOf } from './support/app';
import { registerMentor } from './support/factories';

// ID arguments and pagination cursors never reach PostgreSQL malformed (it would fail: "invalid
// input syntax for type uuid"): a malformed id names nothing, so NOT_FOUND (EntityId pipe); a
// cursor the server did not make is BAD_USER_INPUT on `after` (decodeCursor).

const MARK_READ = 'mutation($id: ID!) { markNotificationRead(id: $id) { id } }';
const RETRY_DELIVERY = 'mutation($id: ID!) { retryDelivery(id: $id) { id } }';
const SCHEMES = 'query($after: String) { schemes(after: $after) { totalCount } }';
const FAILED_DELIVERIES =
  'query($after: String) { failedDeliveries(after: $after) { totalCount } }';

/** A cursor in the server's own format (ISO time | id) whose id is not a UUID. */
const forgedCursor = Buffer.from('2026-01-01T00:00:00.000Z|not-a-uuid', 'utf8').toString(
  'base64url',
);

describe('malformed ids and cursors', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('markNotificationRead with an id that is not a UUID is NOT_FOUND, like an unknown one', async () => {
    const mentor = await registerMentor(api);
    expect(codeOf(await api.gql(MARK_READ, { id: randomUUID() }, mentor.token))).toBe('NOT_FOUND');
    const result = await api.gql(MARK_READ, { id: 'not-a-uuid' }, mentor.token);
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it('retryDelivery with an id that is not a UUID is NOT_FOUND, like an unknown one', async () => {
    expect(codeOf(await api.gql(RETRY_DELIVERY, { id: randomUUID() }, admin))).toBe('NOT_FOUND');
    const result = await api.gql(RETRY_DELIVERY, { id: 'not-a-uuid' }, admin);
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it('schemes(after:) with a forged cursor whose id is not a UUID is BAD_USER_INPUT', async () => {
    const result = await api.gql(SCHEMES, { after: forgedCursor }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields).toEqual([
      { field: 'after', message: 'not a valid cursor' },
    ]);
  });

  it('failedDeliveries(after:) with a forged cursor whose id is not a UUID is BAD_USER_INPUT', async () => {
    const result = await api.gql(FAILED_DELIVERIES, { after: forgedCursor }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields).toEqual([
      { field: 'after', message: 'not a valid cursor' },
    ]);
  });
});
