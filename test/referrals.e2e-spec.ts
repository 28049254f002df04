import { Role, addDays, addMonths } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import {
  CREATE_REFERRAL,
  REFERRAL,
  REFERRALS,
  RESPOND_TO_REFERRAL,
  UPDATE_RELEASE_DATE,
  WITHDRAW_REFERRAL,
  createReferral,
  outboxRows,
  referralInput,
  referralWorld,
  today,
} from './support/matching';
import { tokenFor } from './support/schemes';

describe('referrals: create, respond, withdraw, see', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let otherCoordinator: string;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api);
    const otherOrg = await createOrganisation(api, world.admin);
    otherCoordinator = (
      await createStaff(api, world.admin, { role: 'COORDINATOR', organisationId: otherOrg.id })
    ).token;
  });
  afterAll(() => api.stop());

  it('creates a referral keeping only the outcode, and tells the coordinators', async () => {
    const input = referralInput(api, world.scheme.id, {
      releasePostcode: 'ls6 1aa',
      personReference: ' a1234bc ',
      languages: ['EN'],
    });
    const referral = await createReferral(api, world.prison.token, input);
    expect(referral).toMatchObject({
      status: 'SENT',
      personReference: 'A1234BC',
      prisonCode: 'LEI',
      releaseOutcode: 'LS6',
      releaseDate: input.releaseDate,
      languages: ['en'],
      scheme: { id: world.scheme.id },
    });
    const stored = await api.app
      .get(DataSource)
      .query('SELECT * FROM referrals WHERE id = $1', [referral.id]);
    expect(JSON.stringify(stored)).not.toMatch(/1AA/i);

    const rows = await outboxRows(api, 'referral.received', referral.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].recipients).toEqual([{ userId: world.coordinator.id, audience: 'coordinator' }]);
    expect(JSON.stringify(rows[0].data)).not.toMatch(/A1234BC/);
  });

  it('refuses a second open referral of one person to one scheme (CONFLICT), allowing it after withdrawal', async () => {
    const input = referralInput(api, world.scheme.id);
    const first = await createReferral(api, world.prison.token, input);
    expect(codeOf(await api.gql(CREATE_REFERRAL, { input }, world.prison.token))).toBe('CONFLICT');
    await api.ok(WITHDRAW_REFERRAL, { id: first.id, reason: 'Moved prison' }, world.prison.token);
    expect((await createReferral(api, world.prison.token, input)).status).toBe('SENT');
  });

  it.each<[string, Record<string, unknown>, string, string | null]>([
    [
      'a malformed prison number',
      { personReference: 'A123BC' },
      'BAD_USER_INPUT',
      'input.personReference',
    ],
    ['an unknown prison', { prisonCode: 'ZZZ' }, 'BAD_USER_INPUT', 'input.prisonCode'],
    ['another prison', { prisonCode: 'MRI' }, 'FORBIDDEN', null],
    ['a release date in the past', { releaseDate: '2020-01-01' }, 'BAD_USER_INPUT', 'releaseDate'],
    [
      'a release date over two years ahead',
      { releaseDate: 'far' },
      'BAD_USER_INPUT',
      'releaseDate',
    ],
    ['no consent', { consentGiven: false }, 'BAD_USER_INPUT', 'input.consentGiven'],
    [
      'a postcode that is not one',
      { releasePostcode: 'NOT A CODE' },
      'BAD_USER_INPUT',
      'input.releasePostcode',
    ],
    ['no needs', { needs: [] }, 'BAD_USER_INPUT', null],
    ['an unknown scheme', { schemeId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', null],
  ])('refuses %s', async (_name, override, code, field) => {
    const resolved =
      override.releaseDate === 'far'
        ? { releaseDate: addDays(addMonths(today(api), 24), 1) }
        : override;
    const result = await api.gql(
      CREATE_REFERRAL,
      { input: referralInput(api, world.scheme.id, resolved) },
      world.prison.token,
    );
    expect(codeOf(result)).toBe(code);
    if (field) expect(JSON.stringify(result.errors?.[0].extensions.fields)).toContain(field);
  });

  it('accepts a release date of today and one exactly two years ahead', async () => {
    for (const releaseDate of [today(api), addMonths(today(api), 24)]) {
      expect(
        (
          await createReferral(
            api,
            world.prison.token,
            referralInput(api, world.scheme.id, { releaseDate }),
          )
        ).releaseDate,
      ).toBe(releaseDate);
    }
  });

  it('says why a person is not eligible (NOT_ELIGIBLE with every reason)', async () => {
    const result = await api.gql(
      CREATE_REFERRAL,
      {
        input: referralInput(api, world.scheme.id, {
          riskLevel: 'HIGH',
          needs: ['HEALTH'],
          releasePostcode: 'M1 1AA',
        }),
      },
      world.prison.token,
    );
    expect(codeOf(result)).toBe('NOT_ELIGIBLE');
    const reasons = result.errors?.[0].extensions.reasons as string[];
    expect(reasons).toEqual([
      expect.stringContaining('risk up to MEDIUM'),
      expect.stringContaining('none of the needs'),
      expect.stringContaining('release location M1'),
    ]);
  });

  it('lets only prison staff and admins refer', async () => {
    const input = referralInput(api, world.scheme.id);
    expect(codeOf(await api.gql(CREATE_REFERRAL, { input }, world.coordinator.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(CREATE_REFERRAL, { input }, await tokenFor(api, Role.MENTOR)))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(CREATE_REFERRAL, { input }))).toBe('UNAUTHENTICATED');
    expect((await createReferral(api, world.admin, input)).status).toBe('SENT');
  });

  it('accepts and declines, telling the referring prison; answered once only', async () => {
    const accepted = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    const declined = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );

    const yes = await api.ok(
      RESPOND_TO_REFERRAL,
      { id: accepted.id, accept: true },
      world.coordinator.token,
    );
    expect(yes.respondToReferral).toMatchObject({
      status: 'ACCEPTED',
      respondedAt: expect.any(String),
    });
    expect(
      codeOf(
        await api.gql(
          RESPOND_TO_REFERRAL,
          { id: declined.id, accept: false },
          world.coordinator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const no = await api.ok(
      RESPOND_TO_REFERRAL,
      { id: declined.id, accept: false, reason: 'Full until spring' },
      world.coordinator.token,
    );
    expect(no.respondToReferral).toMatchObject({
      status: 'DECLINED',
      statusReason: 'Full until spring',
    });
    expect(
      codeOf(
        await api.gql(
          RESPOND_TO_REFERRAL,
          { id: accepted.id, accept: false, reason: 'x' },
          world.coordinator.token,
        ),
      ),
    ).toBe('CONFLICT');

    // Every member of staff of the referring prison (other test files add staff of HMP Leeds too).
    const [acceptedRow] = await outboxRows(api, 'referral.accepted', accepted.id);
    expect(acceptedRow.recipients).toContainEqual({ userId: world.prison.id, audience: 'direct' });
    expect(acceptedRow.recipients.map((r) => r.userId)).not.toContain(world.otherPrison.id);
    const [declinedRow] = await outboxRows(api, 'referral.declined', declined.id);
    expect(declinedRow.recipients).toContainEqual({ userId: world.prison.id, audience: 'direct' });
    expect(JSON.stringify(declinedRow.data)).not.toContain('spring');
  });

  it('keeps each side to its own: another organisation, another prison, a mentor', async () => {
    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    expect(
      codeOf(
        await api.gql(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, otherCoordinator),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await api.gql(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.prison.token),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await api.gql(WITHDRAW_REFERRAL, { id: referral.id }, world.otherPrison.token)),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await api.gql(WITHDRAW_REFERRAL, { id: referral.id }, world.coordinator.token)),
    ).toBe('FORBIDDEN');

    expect((await api.ok(REFERRAL, { id: referral.id }, world.prison.token)).referral.id).toBe(
      referral.id,
    );
    expect((await api.ok(REFERRAL, { id: referral.id }, world.coordinator.token)).referral.id).toBe(
      referral.id,
    );
    expect((await api.ok(REFERRAL, { id: referral.id }, world.admin)).referral.id).toBe(
      referral.id,
    );
    expect((await api.ok(REFERRAL, { id: referral.id }, otherCoordinator)).referral).toBeNull();
    expect(
      (await api.ok(REFERRAL, { id: referral.id }, world.otherPrison.token)).referral,
    ).toBeNull();
    expect(
      (await api.ok(REFERRAL, { id: referral.id }, await tokenFor(api, Role.MENTOR))).referral,
    ).toBeNull();

    const ids = async (token: string, status?: string) =>
      ((await api.ok(REFERRALS, { status, first: 100 }, token)).referrals as { id: string }[]).map(
        (r) => r.id,
      );
    expect(await ids(world.prison.token)).toContain(referral.id);
    expect(await ids(world.coordinator.token, 'SENT')).toContain(referral.id);
    expect(await ids(world.coordinator.token, 'DECLINED')).not.toContain(referral.id);
    expect(await ids(otherCoordinator)).toEqual([]);
    expect(await ids(world.otherPrison.token)).toEqual([]);
    expect(codeOf(await api.gql(REFERRALS, {}, await tokenFor(api, Role.MENTOR)))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(REFERRALS, { first: 101 }, world.prison.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('withdraws a referral, freeing an accepted place; refuses withdrawing twice', async () => {
    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    const placesBefore = await placesOf(api, world.scheme.id);
    const withdrawn = await api.ok(
      WITHDRAW_REFERRAL,
      { id: referral.id, reason: 'Transferred' },
      world.prison.token,
    );
    expect(withdrawn.withdrawReferral).toMatchObject({
      status: 'WITHDRAWN',
      statusReason: 'Transferred',
    });
    expect(await placesOf(api, world.scheme.id)).toBe(placesBefore - 1);
    expect(codeOf(await api.gql(WITHDRAW_REFERRAL, { id: referral.id }, world.prison.token))).toBe(
      'CONFLICT',
    );
  });

  it('moves a release date (the referring prison only), within the same limits', async () => {
    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    const later = addDays(today(api), 90);
    const moved = await api.ok(
      UPDATE_RELEASE_DATE,
      { referralId: referral.id, releaseDate: later },
      world.prison.token,
    );
    expect(moved.updateReleaseDate.releaseDate).toBe(later);
    expect(
      codeOf(
        await api.gql(
          UPDATE_RELEASE_DATE,
          { referralId: referral.id, releaseDate: '2020-01-01' },
          world.prison.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(
          UPDATE_RELEASE_DATE,
          { referralId: referral.id, releaseDate: later },
          world.otherPrison.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await api.gql(
          UPDATE_RELEASE_DATE,
          { referralId: referral.id, releaseDate: later },
          world.coordinator.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await api.gql(
          UPDATE_RELEASE_DATE,
          { referralId: referral.id, releaseDate: 'soon' },
          world.prison.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

async function placesOf(api: TestApi, schemeId: string): Promise<number> {
  const [row] = await api.app
    .get(DataSource)
    .query('SELECT active_mentees FROM schemes WHERE id = $1', [schemeId]);
  return row.active_mentees as number;
}
