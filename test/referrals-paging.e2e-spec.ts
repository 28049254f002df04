import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import {
  WITHDRAW_REFERRAL,
  createReferral,
  referralInput,
  referralWorld,
} from './support/matching';
import { createScheme, schemeInput } from './support/schemes';

// A caller with more referrals than one page walks them all with referrals(after), narrowed by
// scheme and status; `after` must be a referral of the caller's own list.

const PAGE = `query($first: Int, $after: ID, $status: ReferralStatus, $schemeId: ID) {
  referrals(first: $first, after: $after, status: $status, schemeId: $schemeId) {
    id status scheme { id }
  }
}`;

interface Row {
  id: string;
  status: string;
  scheme: { id: string };
}

describe('referrals: paging with after, and the schemeId filter', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let second: { id: string };
  let ids: { a: string[]; b: string[] };

  const page = async (token: string, vars: Record<string, unknown>): Promise<Row[]> =>
    (await api.ok<{ referrals: Row[] }>(PAGE, vars, token)).referrals;

  /** Every page of `first`, each continuing after the previous page's last id. */
  const walk = async (token: string, first: number, vars: Record<string, unknown> = {}) => {
    const all: Row[] = [];
    for (let after: string | undefined; ;) {
      const rows = await page(token, { ...vars, first, after });
      all.push(...rows);
      if (rows.length < first) return all;
      after = rows.at(-1)!.id;
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api);
    second = await createScheme(
      api,
      world.coordinator.token,
      schemeInput(world.org.id, { name: unique('Second scheme') }),
    );
    const refer = (schemeId: string) =>
      createReferral(api, world.prison.token, referralInput(api, schemeId));
    const a = await Promise.all(Array.from({ length: 5 }, () => refer(world.scheme.id)));
    const b = await Promise.all(Array.from({ length: 2 }, () => refer(second.id)));
    ids = { a: a.map((r) => r.id), b: b.map((r) => r.id) };
    // Three referrals made in the same instant (a busy prison's batch): paging must not lose one.
    await api.app
      .get(DataSource)
      .query(`UPDATE referrals SET created_at = now() - interval '1 hour' WHERE id = ANY($1)`, [
        [ids.a[0], ids.a[1], ids.b[0]],
      ]);
  });
  afterAll(() => api.stop());

  it('pages of 2 following the last id give the whole list once, newest first, ties included', async () => {
    const whole = await page(world.coordinator.token, { first: 100 });
    expect(new Set(whole.map((r) => r.id))).toEqual(new Set([...ids.a, ...ids.b]));
    const walked = await walk(world.coordinator.token, 2);
    expect(walked.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    // The three made at once come last (oldest), and nothing follows the last one.
    expect(new Set(walked.slice(-3).map((r) => r.id))).toEqual(
      new Set([ids.a[0], ids.a[1], ids.b[0]]),
    );
    expect(await page(world.coordinator.token, { first: 2, after: whole.at(-1)!.id })).toEqual([]);
  });

  it('schemeId narrows to one scheme, alone or with status, and pages within it', async () => {
    const onSecond = await walk(world.coordinator.token, 1, { schemeId: second.id });
    expect(onSecond.map((r) => r.id).sort()).toEqual([...ids.b].sort());
    expect(onSecond.every((r) => r.scheme.id === second.id)).toBe(true);
    const sentOnFirst = await page(world.coordinator.token, {
      first: 100,
      schemeId: world.scheme.id,
      status: 'SENT',
    });
    expect(sentOnFirst.map((r) => r.id).sort()).toEqual([...ids.a].sort());
    // Another organisation's scheme: nothing of theirs shows through the filter.
    const stranger = await createOrganisation(api, world.admin);
    const strangerCoordinator = await createStaff(api, world.admin, {
      role: 'COORDINATOR',
      organisationId: stranger.id,
    });
    expect(
      await page(strangerCoordinator.token, { first: 100, schemeId: world.scheme.id }),
    ).toEqual([]);
    expect(codeOf(await api.gql(PAGE, { schemeId: 'junk' }, world.coordinator.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('continues from a referral that left the status filter since the last page', async () => {
    const sent = await page(world.coordinator.token, { first: 100, status: 'SENT' });
    const firstPage = sent.slice(0, 2);
    await api.ok(WITHDRAW_REFERRAL, { id: firstPage[1].id, reason: 'moved' }, world.prison.token);
    const next = await page(world.coordinator.token, {
      first: 2,
      status: 'SENT',
      after: firstPage[1].id,
    });
    expect(next.map((r) => r.id)).toEqual(sent.slice(2, 4).map((r) => r.id));
  });

  it("prison staff page their prison's list; `after` from another side, made up or junk is BAD_USER_INPUT", async () => {
    // HMP Cardiff (people released to Leeds): no other test file refers from it, so its list is
    // this test's alone.
    const cardiff = await createStaff(api, world.admin, {
      role: 'PRISON_STAFF',
      prisonCode: 'CFI',
    });
    for (let i = 0; i < 4; i += 1)
      await createReferral(
        api,
        cardiff.token,
        referralInput(api, world.scheme.id, { prisonCode: 'CFI' }),
      );
    const whole = await page(cardiff.token, { first: 100 });
    expect(whole).toHaveLength(4);
    expect(await walk(cardiff.token, 3)).toEqual(whole);
    // The Leeds referrals are not Cardiff's to page from.
    expect(codeOf(await api.gql(PAGE, { after: ids.a[0] }, cardiff.token))).toBe('BAD_USER_INPUT');

    const strangers = await createOrganisation(api, world.admin);
    const theirCoordinator = await createStaff(api, world.admin, {
      role: 'COORDINATOR',
      organisationId: strangers.id,
    });
    const cases: [string, string][] = [
      [world.otherPrison.token, ids.a[0]], // HMP Manchester: a Leeds referral
      [theirCoordinator.token, ids.a[0]], // another organisation
      [world.coordinator.token, '00000000-0000-4000-8000-000000000000'],
      [world.coordinator.token, 'junk'],
      [world.coordinator.token, ''],
    ];
    for (const [token, after] of cases) {
      const result = await api.gql(PAGE, { first: 2, after }, token);
      expect({ after, code: codeOf(result) }).toEqual({ after, code: 'BAD_USER_INPUT' });
    }
    const upper = await page(world.coordinator.token, { first: 1, after: ids.a[4].toUpperCase() });
    const exact = await page(world.coordinator.token, { first: 1, after: ids.a[4] });
    expect(upper).toEqual(exact);
  });
});
