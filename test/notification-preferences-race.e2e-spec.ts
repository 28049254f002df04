import { TestApi } from './support/app';
import { registerMentor } from './support/factories';

// Two updateNotificationPreferences of different fields at once must both take effect: the row is
// locked while the input is merged into it (no lost update).

const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { emailEnabled smsEnabled phoneNumber }
}`;
const MINE = '{ myNotificationPreferences { emailEnabled smsEnabled phoneNumber } }';

describe('concurrent notification preference updates', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('two updates of different fields sent at once both take effect', async () => {
    const mentors = await Promise.all(Array.from({ length: 8 }, () => registerMentor(api)));
    const lost: string[] = [];
    for (const mentor of mentors) {
      const [a, b] = await Promise.all([
        api.gql(UPDATE, { input: { emailEnabled: false } }, mentor.token),
        api.gql(UPDATE, { input: { phoneNumber: '07400 123456' } }, mentor.token),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      const now = (await api.ok(MINE, {}, mentor.token)).myNotificationPreferences;
      if (now.emailEnabled !== false || now.phoneNumber !== '+447400123456')
        lost.push(JSON.stringify(now));
    }
    expect(lost).toEqual([]);
  });
});
