import { DataSource } from 'typeorm';
import { TestApi } from './support/app';
import { createReferral, referralInput, referralWorld } from './support/matching';

// The brief: prison numbers and risk levels are audited when read. Referral.personReference and
// Referral.riskLevel write one `referral.read` event per referral a request shows them for.

jest.setTimeout(60_000);

const LIST = (fields: string) => `{ referrals(first: 50) { id ${fields} } }`;

describe('reading a referral’s prison number or risk level is audited', () => {
  let api: TestApi;
  let db: DataSource;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let referralIds: string[];

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
    world = await referralWorld(api);
    referralIds = [];
    for (const riskLevel of ['LOW', 'MEDIUM'])
      referralIds.push(
        (
          await createReferral(
            api,
            world.prison.token,
            referralInput(api, world.scheme.id, { riskLevel }),
          )
        ).id,
      );
  }, 60_000);
  afterAll(() => api.stop());

  /** `referral.read` events by this reader since `since`, for the referrals of this test. */
  async function reads(
    actorUserId: string,
    since: Date,
  ): Promise<{ entityId: string; fields: string[] }[]> {
    const rows: { entity_id: string; details: { fields: string[] } }[] = await db.query(
      `SELECT entity_id, details FROM audit_events
       WHERE action = 'referral.read' AND actor_user_id = $1 AND entity_id = ANY($2::varchar[])
         AND created_at >= $3
       ORDER BY entity_id`,
      [actorUserId, referralIds, since],
    );
    return rows.map((row) => ({ entityId: row.entity_id, fields: row.details.fields }));
  }
  const now = async (): Promise<Date> => (await db.query('SELECT now() AS t'))[0].t;

  it('records nothing when neither field is asked for', async () => {
    const since = await now();
    const seen = await api.ok(LIST('status releaseOutcode needs'), {}, world.coordinator.token);
    expect(seen.referrals.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(referralIds),
    );
    expect(await reads(world.coordinator.id, since)).toEqual([]);
  });

  it('records one event per referral shown, naming the fields read, for whoever reads them', async () => {
    const since = await now();
    await api.ok(LIST('personReference riskLevel'), {}, world.coordinator.token);
    expect(await reads(world.coordinator.id, since)).toEqual(
      [...referralIds]
        .sort()
        .map((entityId) => ({ entityId, fields: ['personReference', 'riskLevel'] })),
    );

    await api.ok(
      `query($id: ID!) { referral(id: $id) { riskLevel } }`,
      { id: referralIds[0] },
      world.prison.token,
    );
    expect(await reads(world.prison.id, since)).toEqual([
      { entityId: referralIds[0], fields: ['riskLevel'] },
    ]);
  });

  it('records each field of a referral once per request, however often the request shows it', async () => {
    const since = await now();
    await api.ok(
      `query($id: ID!) {
        one: referral(id: $id) { personReference }
        again: referral(id: $id) { personReference riskLevel }
      }`,
      { id: referralIds[1] },
      world.coordinator.token,
    );
    const fields = (await reads(world.coordinator.id, since)).flatMap((read) => {
      expect(read.entityId).toBe(referralIds[1]);
      return read.fields;
    });
    expect(fields.sort()).toEqual(['personReference', 'riskLevel']);
  });
});
