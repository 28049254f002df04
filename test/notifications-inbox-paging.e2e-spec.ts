import { codeOf } from './support/app';
import { eventually } from './support/notifications';
import type { OwnStack } from './support/own-stack';
import { startOwnStack } from './support/own-stack';

// An inbox longer than one page: myNotifications(after) walks it all, rows written in one batch
// (same created_at) included, and markAllNotificationsRead empties the unread view at once.

const INBOX = `query($first: Int, $after: ID, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) { id kind readAt }
}`;
const MARK_ALL = 'mutation { markAllNotificationsRead }';
const MARK_ONE = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';

interface Notice {
  id: string;
  kind: string;
  readAt: string | null;
}

describe('myNotifications paging and markAllNotificationsRead', () => {
  let stack: OwnStack;
  let coordinator: { id: string; token: string };
  let other: { token: string };
  const APPLICATIONS = 9;

  const inbox = async (token: string, vars: Record<string, unknown>): Promise<Notice[]> =>
    (await stack.api.ok<{ myNotifications: Notice[] }>(INBOX, vars, token)).myNotifications;

  /** Every page of `first`, following each page's last id. */
  const walk = async (token: string, first: number, unreadOnly = false): Promise<Notice[]> => {
    const all: Notice[] = [];
    for (let after: string | undefined; ;) {
      const page = await inbox(token, { first, after, unreadOnly });
      all.push(...page);
      if (page.length < first) return all;
      after = page.at(-1)!.id;
    }
  };

  beforeAll(async () => {
    stack = await startOwnStack('inbox', { OUTBOX_RELAY_POLL_MS: '200' });
    const { createOrganisation, createStaff, registerMentors } =
      await import('./support/factories');
    const admin = await stack.api.adminToken();
    const org = await createOrganisation(stack.api, admin);
    coordinator = await createStaff(stack.api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    other = await createStaff(stack.api, admin, { role: 'COORDINATOR', organisationId: org.id });
    // Each registration tells the organisation's coordinators: nine notices each, some batched.
    await registerMentors(stack.api, APPLICATIONS, org.id, APPLICATIONS);
    await eventually('every application notice in both inboxes', async () => {
      const [mine, theirs] = await Promise.all([
        inbox(coordinator.token, { first: 100 }),
        inbox(other.token, { first: 100 }),
      ]);
      return mine.length === APPLICATIONS && theirs.length === APPLICATIONS;
    });
  }, 120_000);

  afterAll(() => stack?.stop());

  it('pages of 2 following the last id give the whole inbox once, in the one-page order', async () => {
    const whole = await inbox(coordinator.token, { first: 100 });
    expect(new Set(whole.map((n) => n.kind))).toEqual(new Set(['mentor.registered']));
    const walked = await walk(coordinator.token, 2);
    expect(walked.map((n) => n.id)).toEqual(whole.map((n) => n.id));
    // The last page is short, and a page after the last notice is empty.
    expect(await inbox(coordinator.token, { first: 2, after: whole.at(-1)!.id })).toEqual([]);
  });

  it('unreadOnly pages continue from a notice that was read in between', async () => {
    const whole = await inbox(coordinator.token, { first: 100, unreadOnly: true });
    const first = await inbox(coordinator.token, { first: 3, unreadOnly: true });
    await stack.api.ok(MARK_ONE, { id: first[2].id }, coordinator.token);
    const next = await inbox(coordinator.token, { first: 3, after: first[2].id, unreadOnly: true });
    expect(next.map((n) => n.id)).toEqual(whole.slice(3, 6).map((n) => n.id));
  });

  it("refuses another person's notice, a made-up id or junk as `after` with BAD_USER_INPUT", async () => {
    const theirs = (await inbox(other.token, { first: 1 }))[0];
    for (const after of [theirs.id, '00000000-0000-4000-8000-000000000000', 'junk', '']) {
      const result = await stack.api.gql(INBOX, { first: 2, after }, coordinator.token);
      expect({ after, code: codeOf(result) }).toEqual({ after, code: 'BAD_USER_INPUT' });
    }
    // The same id written in capitals is the same notice.
    const mine = await inbox(coordinator.token, { first: 2 });
    const upper = await inbox(coordinator.token, { first: 1, after: mine[0].id.toUpperCase() });
    expect(upper.map((n) => n.id)).toEqual([mine[1].id]);
  });

  it("markAllNotificationsRead marks only the caller's unread notices and says how many", async () => {
    const unread = (await inbox(coordinator.token, { first: 100, unreadOnly: true })).length;
    expect(unread).toBe(APPLICATIONS - 1); // one was read above
    const readBefore = (await inbox(coordinator.token, { first: 100 })).find((n) => n.readAt)!;
    expect(
      (await stack.api.ok<{ markAllNotificationsRead: number }>(MARK_ALL, {}, coordinator.token))
        .markAllNotificationsRead,
    ).toBe(unread);
    expect(await inbox(coordinator.token, { first: 100, unreadOnly: true })).toEqual([]);
    // The first read time is kept; the other coordinator's inbox is untouched; a second call marks none.
    const readAfter = (await inbox(coordinator.token, { first: 100 })).find(
      (n) => n.id === readBefore.id,
    )!;
    expect(readAfter.readAt).toBe(readBefore.readAt);
    expect(await inbox(other.token, { first: 100, unreadOnly: true })).toHaveLength(APPLICATIONS);
    expect(
      (await stack.api.ok<{ markAllNotificationsRead: number }>(MARK_ALL, {}, coordinator.token))
        .markAllNotificationsRead,
    ).toBe(0);
    expect(codeOf(await stack.api.gql(MARK_ALL, {}))).toBe('UNAUTHENTICATED');
  });
});
