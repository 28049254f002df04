import { TestApi, codeOf } from './support/app';
import { registerMentor } from './support/factories';

// updateNotificationPreferences with an explicit null for emailEnabled or smsEnabled: these
// switches cannot be "cleared", so null is the client's mistake: BAD_USER_INPUT naming the field
// (@Given), preferences unchanged.

const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { emailEnabled smsEnabled phoneNumber }
}`;
const MINE = '{ myNotificationPreferences { emailEnabled smsEnabled phoneNumber } }';

describe('notification preferences given null', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it.each(['emailEnabled', 'smsEnabled'])(
    '%s: null is BAD_USER_INPUT naming the field, and changes nothing',
    async (field) => {
      const mentor = await registerMentor(api);
      const before = (await api.ok(MINE, {}, mentor.token)).myNotificationPreferences;
      const result = await api.gql(UPDATE, { input: { [field]: null } }, mentor.token);
      expect(result.errors?.[0]?.message).not.toBe('Internal server error');
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([`input.${field}`]);
      expect((await api.ok(MINE, {}, mentor.token)).myNotificationPreferences).toEqual(before);
    },
  );
});
