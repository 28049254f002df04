import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import {
  SET_VOLUNTEER_STATUS,
  createOrganisation,
  createStaff,
  registerMentor,
} from './support/factories';
import {
  RESPOND_TO_MATCH,
  SUGGEST_MENTORS,
  acceptedMatch,
  acceptedReferral,
  accommodationMentor,
  clearedMentor,
  proposedMatch,
  referralWorld,
} from './support/matching';

const PROFILE_FIELDS = `id displayName status outcode travelRadiusKm gender languages pathways
  livedExperience deliveryModes maxMentees activeMentees`;

const UPDATE_PROFILE = `mutation($id: ID!, $input: UpdateVolunteerProfileInput!) {
  updateVolunteerProfile(id: $id, input: $input) { ${PROFILE_FIELDS} }
}`;
const VOLUNTEER = `query($id: ID!) { volunteer(id: $id) { ${PROFILE_FIELDS} } }`;
const MY_PROFILE = `{ myVolunteerProfile { ${PROFILE_FIELDS} } }`;

// Registration hashes a password (argon2) per mentor, and the matching worlds clear mentors through
// vetting; as in volunteers.e2e-spec.ts, this file sets its own timeout.
jest.setTimeout(60_000);

describe('updateVolunteerProfile', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.stop());

  const row = async (id: string) =>
    (
      await db.query(
        `SELECT to_jsonb(v)::text AS everything, outcode, max_mentees, active_mentees,
                ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng
           FROM volunteer_profiles v WHERE id = $1`,
        [id],
      )
    )[0];
  const profileAudits = (
    id: string,
  ): Promise<{ actor_user_id: string; details: Record<string, unknown> }[]> =>
    db.query(
      `SELECT actor_user_id, details FROM audit_events
        WHERE entity_id = $1 AND action = 'volunteer.profile_updated' ORDER BY created_at`,
      [id],
    );
  const update = (id: string, input: Record<string, unknown>, token: string) =>
    api.gql(UPDATE_PROFILE, { id, input }, token);

  it('lets a mentor edit their own fields and read them back; fields left out stay as they were', async () => {
    const mentor = await registerMentor(api, { displayName: 'Before', travelRadiusKm: 10 });
    const before = (await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile;
    const input = {
      displayName: '  Ayesha   K ',
      gender: 'NOT_STATED',
      languages: ['UR', ' en ', 'ur'],
      pathways: ['HEALTH', 'HEALTH', 'FINANCE_BENEFIT_DEBT'],
      livedExperience: false,
      deliveryModes: ['PHONE', 'ONLINE'],
      travelRadiusKm: 42.5,
      maxMentees: 4,
    };
    const updated = (await api.ok(UPDATE_PROFILE, { id: mentor.id, input }, mentor.token))
      .updateVolunteerProfile;
    const want = {
      ...before,
      displayName: 'Ayesha K',
      gender: 'NOT_STATED',
      languages: ['ur', 'en'],
      pathways: ['HEALTH', 'FINANCE_BENEFIT_DEBT'],
      livedExperience: false,
      deliveryModes: ['PHONE', 'ONLINE'],
      travelRadiusKm: 42.5,
      maxMentees: 4,
    };
    expect(updated).toEqual(want);
    expect((await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile).toEqual(want);
    expect((await api.ok(VOLUNTEER, { id: mentor.id }, mentor.token)).volunteer).toEqual(want);

    // One field alone changes that field alone.
    const renamed = (
      await api.ok(
        UPDATE_PROFILE,
        { id: mentor.id, input: { displayName: 'Ayesha' } },
        mentor.token,
      )
    ).updateVolunteerProfile;
    expect(renamed).toEqual({ ...want, displayName: 'Ayesha' });
  });

  it('keeps only the outcode of a new postcode and its centroid, nowhere the full postcode', async () => {
    const mentor = await registerMentor(api, { postcode: 'LS6 1AA' });
    const updated = (
      await api.ok(UPDATE_PROFILE, { id: mentor.id, input: { postcode: 'bd71dp' } }, mentor.token)
    ).updateVolunteerProfile;
    expect(updated.outcode).toBe('BD7');

    const stored = await row(mentor.id);
    expect(stored.outcode).toBe('BD7');
    expect(stored.lat).toBeCloseTo(53.7842, 4);
    expect(stored.lng).toBeCloseTo(-1.78105, 4);
    // The whole row, every column (the point as its hex text), holds no trace of the inward code.
    // (Its "P" is not a hex digit, so ids and the point's hex cannot match by chance; "BD71" can.)
    expect(stored.everything).not.toMatch(/1DP/i);
    const audits = await db.query(
      `SELECT details::text AS d FROM audit_events WHERE entity_id IN ($1, $2)`,
      [mentor.id, mentor.userId],
    );
    expect(JSON.stringify(audits)).not.toMatch(/1DP/i);
  });

  describe('who may edit', () => {
    let org: { id: string };
    let coordinator: { token: string };
    let mentor: Awaited<ReturnType<typeof registerMentor>>;

    beforeAll(async () => {
      org = await createOrganisation(api, admin);
      coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
      mentor = await registerMentor(api, { organisationId: org.id, maxMentees: 2 });
    });

    it("lets the organisation's coordinator and an admin change a mentor's capacity", async () => {
      const byCoordinator = await update(mentor.id, { maxMentees: 5 }, coordinator.token);
      expect(byCoordinator.errors).toBeUndefined();
      expect(byCoordinator.data?.updateVolunteerProfile.maxMentees).toBe(5);
      const byAdmin = await update(mentor.id, { maxMentees: 3 }, admin);
      expect(byAdmin.errors).toBeUndefined();
      expect((await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile.maxMentees).toBe(3);
      expect((await profileAudits(mentor.id)).map((a) => a.details)).toEqual([
        { fields: ['maxMentees'], actorRole: 'COORDINATOR' },
        { fields: ['maxMentees'], actorRole: 'ADMIN' },
      ]);
    });

    it("answers NOT_FOUND to another organisation's coordinator and to another mentor, as volunteer(id) does", async () => {
      const otherOrg = await createOrganisation(api, admin);
      const outsider = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: otherOrg.id,
      });
      const otherMentor = await registerMentor(api, { organisationId: org.id });
      for (const token of [outsider.token, otherMentor.token]) {
        expect(codeOf(await api.gql(VOLUNTEER, { id: mentor.id }, token))).toBe('NOT_FOUND');
        const result = await update(mentor.id, { maxMentees: 1, displayName: 'Hijacked' }, token);
        expect(codeOf(result)).toBe('NOT_FOUND');
        expect(result.data).toBeNull();
      }
      // An unknown id and a malformed one look the same as one the caller may not reach.
      expect(
        codeOf(await update('5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70', { maxMentees: 1 }, admin)),
      ).toBe('NOT_FOUND');
      expect(codeOf(await update('not-an-id', { maxMentees: 1 }, admin))).toBe('NOT_FOUND');
      const unchanged = (await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile;
      expect(unchanged.displayName).not.toBe('Hijacked');
    });

    it('refuses prison staff as volunteer(id) does (FORBIDDEN), and anonymous callers', async () => {
      const prison = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      expect(codeOf(await api.gql(VOLUNTEER, { id: mentor.id }, prison.token))).toBe('FORBIDDEN');
      expect(codeOf(await update(mentor.id, { maxMentees: 1 }, prison.token))).toBe('FORBIDDEN');
      expect(
        codeOf(await api.gql(UPDATE_PROFILE, { id: mentor.id, input: { maxMentees: 1 } })),
      ).toBe('UNAUTHENTICATED');
    });
  });

  describe('capacity below the mentees a mentor has', () => {
    it('refuses maxMentees below activeMentees with CONFLICT, and allows it equal', async () => {
      const world = await referralWorld(api);
      const mentor = await accommodationMentor(api, world, 'Busy Mentor');
      await acceptedMatch(api, world, mentor);
      await acceptedMatch(api, world, mentor);
      expect((await row(mentor.id)).active_mentees).toBe(2);

      const below = await update(mentor.id, { maxMentees: 1 }, world.coordinator.token);
      expect(codeOf(below)).toBe('CONFLICT');
      expect(below.errors?.[0].message).toMatch(/below the 2 mentees/);
      expect(codeOf(await update(mentor.id, { maxMentees: 1 }, mentor.token))).toBe('CONFLICT');
      expect((await row(mentor.id)).max_mentees).toBe(3);

      const equal = await update(mentor.id, { maxMentees: 2 }, world.coordinator.token);
      expect(equal.errors).toBeUndefined();
      expect(equal.data?.updateVolunteerProfile).toMatchObject({ maxMentees: 2, activeMentees: 2 });
    });

    it('never lets a lowered maxMentees and a concurrent accept both succeed (the row is locked)', async () => {
      const world = await referralWorld(api);
      const winners: string[] = [];
      for (let round = 0; round < 3; round += 1) {
        const mentor = await accommodationMentor(api, world, `Racing Mentor ${round}`);
        await acceptedMatch(api, world, mentor);
        const { match } = await proposedMatch(api, world, mentor);

        // Hold the profile row locked from another connection, so both requests queue on it
        // and run one after the other only when it is released: a real overlap, every time.
        const holder = db.createQueryRunner();
        await holder.connect();
        await holder.startTransaction();
        try {
          await holder.query(`SELECT id FROM volunteer_profiles WHERE id = $1 FOR UPDATE`, [
            mentor.id,
          ]);
          const lowering = update(mentor.id, { maxMentees: 1 }, world.coordinator.token);
          const accepting = api.gql(RESPOND_TO_MATCH, { id: match.id, accept: true }, mentor.token);
          await waitForLockWaiters(db, 2);
          await holder.rollbackTransaction();
          const [lowered, accepted] = await Promise.all([lowering, accepting]);

          const codes = [codeOf(lowered), codeOf(accepted)];
          expect(codes.filter((c) => c === undefined)).toHaveLength(1);
          expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(1);
          const after = await row(mentor.id);
          expect(after.active_mentees).toBeLessThanOrEqual(after.max_mentees);
          if (codeOf(lowered) === undefined) {
            expect([after.max_mentees, after.active_mentees]).toEqual([1, 1]);
            winners.push('update');
          } else {
            expect([after.max_mentees, after.active_mentees]).toEqual([3, 2]);
            winners.push('accept');
          }
        } finally {
          if (holder.isTransactionActive) await holder.rollbackTransaction();
          await holder.release();
        }
      }
      expect(winners).toHaveLength(3);
    });
  });

  it.each([
    ['WITHDRAWN', 'mentor'],
    ['REJECTED', 'coordinator'],
  ])('refuses to edit a %s volunteer with CONFLICT', async (status, by) => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const mentor = await registerMentor(api, { organisationId: org.id });
    await api.ok(
      SET_VOLUNTEER_STATUS,
      { id: mentor.id, status, reason: 'Moved away' },
      by === 'mentor' ? mentor.token : coordinator.token,
    );
    for (const token of [coordinator.token, admin]) {
      const result = await update(mentor.id, { displayName: 'Changed' }, token);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(result.errors?.[0].message).toContain(status);
    }
    expect((await profileAudits(mentor.id)).length).toBe(0);
  });

  describe('bad input', () => {
    let mentor: Awaited<ReturnType<typeof registerMentor>>;
    let before: Record<string, unknown>;

    beforeAll(async () => {
      mentor = await registerMentor(api);
      before = (await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile;
    });

    it.each([
      ['input.displayName', { displayName: '   ' }, 'must be 1 to 120 characters, not counting spaces at either end'],
      ['input.displayName', { displayName: 'x'.repeat(121) }, 'must be 1 to 120 characters, not counting spaces at either end'],
      ['input.postcode', { postcode: 'LS6 1' + 'QQQ' }, 'is not a UK postcode'],
      ['input.postcode', { postcode: 'ZZ9 9ZZ' }, 'unknown postcode district'],
      ['input.languages', { languages: [] }, 'give at least one language'],
      ['input.languages', { languages: ['english'] }, undefined],
      ['input.languages', { languages: ['en', 'xx'] }, undefined],
      [
        'input.deliveryModes',
        { deliveryModes: [] },
        'give at least one delivery mode, or leave it out',
      ],
      ['input.travelRadiusKm', { travelRadiusKm: 0 }, 'must be between 1 and 200 km'],
      ['input.travelRadiusKm', { travelRadiusKm: 200.5 }, 'must be between 1 and 200 km'],
      ['input.maxMentees', { maxMentees: 0 }, 'must be a whole number from 1 to 5'],
      ['input.maxMentees', { maxMentees: 6 }, 'must be a whole number from 1 to 5'],
      ['input.displayName', { displayName: null }, undefined],
      ['input.postcode', { postcode: null }, undefined],
      ['input.gender', { gender: null }, undefined],
      ['input.languages', { languages: null }, undefined],
      ['input.pathways', { pathways: null }, undefined],
      ['input.livedExperience', { livedExperience: null }, undefined],
      ['input.deliveryModes', { deliveryModes: null }, undefined],
      ['input.travelRadiusKm', { travelRadiusKm: null }, undefined],
      ['input.maxMentees', { maxMentees: null }, undefined],
      ['input', {}, 'give at least one field to change'],
    ] as [string, Record<string, unknown>, string | undefined][])(
      'refuses %s (%j) with BAD_USER_INPUT naming it, changing nothing',
      async (field, input, message) => {
        const result = await update(mentor.id, input, mentor.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        const fields = result.errors?.[0].extensions.fields ?? [];
        expect(fields.map((f) => f.field)).toEqual([field]);
        if (message) expect(fields[0].message).toBe(message);
        expect(JSON.stringify(result)).not.toContain('QQQ');
        expect((await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile).toEqual(before);
        expect(await profileAudits(mentor.id)).toEqual([]);
      },
    );

    it('reports several bad fields at once', async () => {
      const result = await update(
        mentor.id,
        { maxMentees: 9, languages: ['zz'], gender: null },
        mentor.token,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
        'input.gender',
        'input.languages',
        'input.maxMentees',
      ]);
    });

    it('refuses values outside the contract types before running, never as an internal error', async () => {
      for (const input of [
        { pathways: ['GARDENING'] },
        { deliveryModes: ['CARRIER_PIGEON'] },
        { gender: 'ROBOT' },
        { maxMentees: 2.5 },
        { travelRadiusKm: 'far' },
        { languages: ['en', null] },
        { organisationId: '5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70' },
        { email: 'x@example.org' },
      ]) {
        expect(codeOf(await update(mentor.id, input, mentor.token))).toBe('BAD_USER_INPUT');
      }
      expect((await api.ok(MY_PROFILE, {}, mentor.token)).myVolunteerProfile).toEqual(before);
    });
  });

  it('audits the names of the fields that changed and the actor role, never their values', async () => {
    const mentor = await registerMentor(api, {
      postcode: 'LS6 1AA',
      gender: 'FEMALE',
      languages: ['en'],
      travelRadiusKm: 15,
    });
    await api.ok(
      UPDATE_PROFILE,
      {
        id: mentor.id,
        input: {
          postcode: 'M14 5AB',
          gender: 'NON_BINARY',
          languages: ['pl'],
          travelRadiusKm: 15, // as it was: not a change
          displayName: 'Sam Mentor', // as it was
        },
      },
      mentor.token,
    );
    const audits = await profileAudits(mentor.id);
    expect(audits).toEqual([
      {
        actor_user_id: mentor.userId,
        details: { fields: ['postcode', 'gender', 'languages'], actorRole: 'MENTOR' },
      },
    ]);
    expect(JSON.stringify(audits)).not.toMatch(/M14|5AB|NON_BINARY|"pl"/);

    // Sending only what the profile already has changes nothing and records nothing.
    const same = await update(mentor.id, { postcode: 'm14', maxMentees: 2 }, mentor.token);
    expect(same.errors).toBeUndefined();
    expect(await profileAudits(mentor.id)).toHaveLength(1);
  });

  describe('changes count for mentor suggestions at once', () => {
    const suggested = async (
      world: Awaited<ReturnType<typeof referralWorld>>,
      referralId: string,
    ): Promise<string[]> =>
      (
        await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
          SUGGEST_MENTORS,
          { referralId, first: 50 },
          world.coordinator.token,
        )
      ).suggestMentors.map((s) => s.volunteer.id);

    it('ranks a mentor who no longer knows the need below one who does, and drops one left without a free place', async () => {
      const world = await referralWorld(api);
      const changer = await accommodationMentor(api, world, 'Pathway Changer');
      const steady = await accommodationMentor(api, world, 'Pathway Steady');
      const referral = await acceptedReferral(api, world, { needs: ['ACCOMMODATION'] });
      const entry = async (id: string) =>
        (
          await api.ok<{ suggestMentors: SuggestionView[] }>(
            SUGGEST_MENTORS,
            { referralId: referral.id, first: 50 },
            world.coordinator.token,
          )
        ).suggestMentors.find((s) => s.volunteer.id === id);
      const before = await entry(changer.id);
      expect(before?.reasons[0]).toBe('knows 1 of 1 needs (accommodation)');
      expect(before?.components.find((c) => c.name === 'needsExpertise')?.value).toBe(1);

      // Pathways rank, they do not exclude (domain.md): the mentor stays, below the one who knows it.
      await api.ok(
        UPDATE_PROFILE,
        { id: changer.id, input: { pathways: ['HEALTH'] } },
        changer.token,
      );
      const after = await entry(changer.id);
      expect(after?.reasons[0]).toBe('knows none of the needs');
      expect(after?.components.find((c) => c.name === 'needsExpertise')?.value).toBe(0);
      expect(after!.score).toBeLessThan(before!.score);
      const order = await suggested(world, referral.id);
      expect(order.indexOf(steady.id)).toBeLessThan(order.indexOf(changer.id));

      // The coordinator cuts the steady mentor's capacity to the mentee they have: no free place.
      await acceptedMatch(api, world, steady);
      await api.ok(
        UPDATE_PROFILE,
        { id: steady.id, input: { maxMentees: 1 } },
        world.coordinator.token,
      );
      expect(await suggested(world, referral.id)).not.toContain(steady.id);
      await api.ok(
        UPDATE_PROFILE,
        { id: steady.id, input: { maxMentees: 2 } },
        world.coordinator.token,
      );
      expect(await suggested(world, referral.id)).toContain(steady.id);
    });

    it('brings in a mentor whose travel radius or home now reaches the release area', async () => {
      const world = await referralWorld(api);
      // Manchester (M14) is about 58 km from the Leeds release area (LS6).
      const widening = await clearedMentor(api, world.coordinator.token, world.org.id, {
        displayName: 'Widening Radius',
        pathways: ['ACCOMMODATION'],
        postcode: 'M14 5AB',
        travelRadiusKm: 15,
      });
      const moving = await clearedMentor(api, world.coordinator.token, world.org.id, {
        displayName: 'Moving House',
        pathways: ['ACCOMMODATION'],
        postcode: 'M14 5AB',
        travelRadiusKm: 15,
      });
      const referral = await acceptedReferral(api, world);
      const before = await suggested(world, referral.id);
      expect(before).not.toContain(widening.id);
      expect(before).not.toContain(moving.id);

      await api.ok(
        UPDATE_PROFILE,
        { id: widening.id, input: { travelRadiusKm: 80 } },
        widening.token,
      );
      await api.ok(UPDATE_PROFILE, { id: moving.id, input: { postcode: 'LS6 2AB' } }, moving.token);
      const after = await suggested(world, referral.id);
      expect(after).toContain(widening.id);
      expect(after).toContain(moving.id);

      // And back out of range.
      await api.ok(
        UPDATE_PROFILE,
        { id: widening.id, input: { travelRadiusKm: 10 } },
        world.coordinator.token,
      );
      expect(await suggested(world, referral.id)).not.toContain(widening.id);
    });
  });
});

interface SuggestionView {
  volunteer: { id: string };
  score: number;
  reasons: string[];
  components: { name: string; value: number }[];
}

/** Waits until `count` backends of this database are waiting for a lock (on the held profile row). */
async function waitForLockWaiters(db: DataSource, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [{ waiting }] = await db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query ILIKE '%volunteer_profiles%' AND pid <> pg_backend_pid()`,
    );
    if (waiting >= count) return;
    if (Date.now() > deadline)
      throw new Error(`only ${waiting} of ${count} requests reached the lock`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
