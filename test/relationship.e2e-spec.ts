import { Clock, Role } from '@app/core';
import { RelationshipRepository } from '@app/matching';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import {
  PROPOSE_MATCH,
  REFERRAL,
  RESPOND_TO_MATCH,
  RESPOND_TO_REFERRAL,
  clearedMentor,
  createReferral,
  outboxRows,
  referralInput,
  referralWorld,
  acceptedMatch as acceptedMatchOf,
} from './support/matching';
import { createScheme, schemeInput, tokenFor } from './support/schemes';

// Vetting mentors (argon2 hashing, checks) and building the outcome data set take a while on a
// loaded machine.
jest.setTimeout(90_000);

const SESSION_FIELDS = 'id date minutes pathways createdAt';
const LOG_SESSION = `mutation($input: LogSessionInput!) { logSession(input: $input) { ${SESSION_FIELDS} } }`;
const END_MATCH = `mutation($id: ID!, $reason: String!) { endMatch(id: $id, reason: $reason) { id status endedAt } }`;
const RECORD_OUTCOME = `mutation($matchId: ID!, $stage: OutcomeStage!, $ratings: [OutcomeRatingInput!]!) {
  recordOutcome(matchId: $matchId, stage: $stage, ratings: $ratings) { id status }
}`;
const OUTCOME_SUMMARY = `query($organisationId: ID!, $from: Date!, $to: Date!) {
  outcomeSummary(organisationId: $organisationId, from: $from, to: $to) { pathway people meanChange improved }
}`;
const REFERRAL_MATCH_SESSIONS = `query($id: ID!) {
  referral(id: $id) { id status match { id status endedAt sessions { ${SESSION_FIELDS} } } }
}`;
const MY_MATCH_SESSIONS = `{ myMatches { id sessions { id date minutes pathways } } }`;
const SCHEME_PLACES = `query($id: ID!) { scheme(id: $id) { capacity activeMentees } }`;
const VOLUNTEER_LOAD = `query($id: ID!) { volunteer(id: $id) { activeMentees status } }`;

type World = Awaited<ReturnType<typeof referralWorld>>;
type Mentor = Awaited<ReturnType<typeof clearedMentor>>;

describe('the relationship: sessions, ending a match, outcomes', () => {
  let api: TestApi;
  let clock: Clock;
  let world: World;
  let otherCoordinator: string;
  let mentor: Mentor;
  let otherMentor: Mentor;

  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.app.get(Clock);
    world = await referralWorld(api);
    const otherOrg = await createOrganisation(api, world.admin);
    otherCoordinator = (
      await createStaff(api, world.admin, { role: 'COORDINATOR', organisationId: otherOrg.id })
    ).token;
    mentor = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Relationship Mentor',
      maxMentees: 5,
    });
    otherMentor = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Other Mentor',
      maxMentees: 5,
    });
  });
  afterEach(() => clock.set(null));
  afterAll(() => api.stop());

  /** A referral of `w` accepted, `who` proposed and accepting: the match is ACCEPTED, the referral MATCHED. */
  const acceptedMatch = (w: World, who: Mentor, needs: string[] = ['ACCOMMODATION']) =>
    acceptedMatchOf(api, w, who, { needs });

  function session(matchId: string, overrides: Record<string, unknown> = {}) {
    return {
      input: {
        matchId,
        date: clock.today(),
        minutes: 60,
        pathways: ['ACCOMMODATION'],
        ...overrides,
      },
    };
  }

  it('logs sessions by the mentor, a coordinator and an admin, and shows them on the match, without the note', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const { referral, match } = await acceptedMatch(world, mentor, [
      'ACCOMMODATION',
      'EDUCATION_TRAINING_EMPLOYMENT',
    ]);
    clock.set('2026-12-20T10:00:00Z');

    const byMentor = (
      await api.ok(
        LOG_SESSION,
        session(match.id, {
          date: '2026-12-01',
          minutes: 90,
          pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
          note: 'Talked about his debts and a hostel place',
        }),
        mentor.token,
      )
    ).logSession;
    expect(byMentor).toEqual({
      id: expect.any(String),
      date: '2026-12-01',
      minutes: 90,
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
      createdAt: expect.any(String),
    });
    // Sessions may touch a pathway that was not a need at referral (new needs come up after release).
    await api.ok(
      LOG_SESSION,
      session(match.id, { date: '2026-12-20', minutes: 600, pathways: ['HEALTH'] }),
      world.coordinator.token,
    );
    await api.ok(LOG_SESSION, session(match.id, { date: '2026-12-10', minutes: 1 }), world.admin);

    const seen = (
      await api.ok(REFERRAL_MATCH_SESSIONS, { id: referral.id }, world.coordinator.token)
    ).referral;
    expect(
      seen.match.sessions.map((s: { date: string; minutes: number }) => [s.date, s.minutes]),
    ).toEqual([
      ['2026-12-01', 90],
      ['2026-12-10', 1],
      ['2026-12-20', 600],
    ]);
    // Match.sessions is batched: one read for all of the mentor's matches in a request.
    const reads = jest.spyOn(api.app.get(RelationshipRepository), 'sessionsForMatches');
    try {
      const mine = (await api.ok(MY_MATCH_SESSIONS, {}, mentor.token)).myMatches;
      expect(mine.find((m: { id: string }) => m.id === match.id).sessions).toHaveLength(3);
      expect(reads).toHaveBeenCalledTimes(1);
      expect([...reads.mock.calls[0][0]].sort()).toEqual(
        mine.map((m: { id: string }) => m.id).sort(),
      );
    } finally {
      reads.mockRestore();
    }

    // The note is stored with the session but is not part of the GraphQL type.
    const [stored] = await api.app
      .get(DataSource)
      .query('SELECT note, logged_by FROM mentoring_sessions WHERE id = $1', [byMentor.id]);
    expect(stored).toEqual({
      note: 'Talked about his debts and a hostel place',
      logged_by: mentor.userId,
    });
    const asked = await api.gql(
      'query($id: ID!) { referral(id: $id) { match { sessions { note } } } }',
      { id: referral.id },
      world.coordinator.token,
    );
    expect(asked.errors?.[0].message).toMatch(/Cannot query field "note"/);
    const audit = await api.app
      .get(DataSource)
      .query(
        `SELECT details FROM audit_events WHERE action = 'session.logged' AND entity_id = $1`,
        [match.id],
      );
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('debts');
  });

  it('keeps sessions and changes to the match’s own mentor, its organisation and admins', async () => {
    const { referral, match } = await acceptedMatch(world, mentor);
    await api.ok(LOG_SESSION, session(match.id), mentor.token);

    for (const [who, token] of [
      ['another organisation’s coordinator', otherCoordinator],
      ['another mentor', otherMentor.token],
    ]) {
      expect([who, codeOf(await api.gql(LOG_SESSION, session(match.id), token))]).toEqual([
        who,
        'NOT_FOUND',
      ]);
      expect(codeOf(await api.gql(END_MATCH, { id: match.id, reason: 'Moved away' }, token))).toBe(
        'NOT_FOUND',
      );
      expect(
        codeOf(
          await api.gql(
            RECORD_OUTCOME,
            {
              matchId: match.id,
              stage: 'START',
              ratings: [{ pathway: 'ACCOMMODATION', rating: 2 }],
            },
            token,
          ),
        ),
      ).toBe('NOT_FOUND');
    }
    expect(codeOf(await api.gql(LOG_SESSION, session(match.id), world.prison.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await api.gql(END_MATCH, { id: match.id, reason: 'Moved away' }, world.prison.token)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await api.gql(
          RECORD_OUTCOME,
          { matchId: match.id, stage: 'START', ratings: [{ pathway: 'ACCOMMODATION', rating: 2 }] },
          world.prison.token,
        ),
      ),
    ).toBe('FORBIDDEN');

    // The prison sees its referral and the match's status, not the sessions.
    const prisonView = await api.gql(
      REFERRAL_MATCH_SESSIONS,
      { id: referral.id },
      world.prison.token,
    );
    expect(codeOf(prisonView)).toBe('FORBIDDEN');
    expect(prisonView.data?.referral).toMatchObject({ id: referral.id, match: null });
    expect(
      (
        await api.ok(
          'query($id: ID!) { referral(id: $id) { match { id status } } }',
          { id: referral.id },
          world.prison.token,
        )
      ).referral.match,
    ).toEqual({ id: match.id, status: 'ACCEPTED' });
    // Another mentor does not see this match among theirs; the own mentor does, with its session.
    const theirs = (await api.ok(MY_MATCH_SESSIONS, {}, otherMentor.token)).myMatches;
    expect(theirs.map((m: { id: string }) => m.id)).not.toContain(match.id);
    const own = (await api.ok(MY_MATCH_SESSIONS, {}, mentor.token)).myMatches;
    expect(own.find((m: { id: string }) => m.id === match.id).sessions).toHaveLength(1);
  });

  it('refuses bad sessions with their contract codes', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const { match } = await acceptedMatch(world, otherMentor);
    clock.set('2026-12-05T10:00:00Z');
    const cases: [string, Record<string, unknown>, string][] = [
      ['no minutes', { minutes: 0 }, 'BAD_USER_INPUT'],
      ['over ten hours', { minutes: 601 }, 'BAD_USER_INPUT'],
      ['no pathway', { pathways: [] }, 'BAD_USER_INPUT'],
      ['a pathway twice', { pathways: ['HEALTH', 'HEALTH'] }, 'BAD_USER_INPUT'],
      ['tomorrow', { date: '2026-12-06' }, 'BAD_USER_INPUT'],
      ['before the match was accepted', { date: '2026-11-30' }, 'BAD_USER_INPUT'],
      ['a note too long', { note: 'x'.repeat(2001) }, 'BAD_USER_INPUT'],
      ['a match id that is not an id', { matchId: 'not-a-uuid' }, 'BAD_USER_INPUT'],
      ['an unknown match', { matchId: randomUUID() }, 'NOT_FOUND'],
    ];
    for (const [name, overrides, code] of cases) {
      const result = await api.gql(LOG_SESSION, session(match.id, overrides), otherMentor.token);
      expect([name, codeOf(result)]).toEqual([name, code]);
    }
    const future = await api.gql(
      LOG_SESSION,
      session(match.id, { date: '2026-12-06' }),
      otherMentor.token,
    );
    expect(future.errors?.[0].message).toBe(
      'input.date: cannot be in the future (today is 2026-12-05)',
    );
    const invalidDate = await api.gql(
      LOG_SESSION,
      session(match.id, { date: '2026-02-30' }),
      otherMentor.token,
    );
    expect(codeOf(invalidDate)).toBe('BAD_USER_INPUT');

    // Not on a match the mentor has not accepted yet.
    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    const proposed = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: otherMentor.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    expect(codeOf(await api.gql(LOG_SESSION, session(proposed.id), world.coordinator.token))).toBe(
      'CONFLICT',
    );
    expect(
      codeOf(
        await api.gql(
          END_MATCH,
          { id: proposed.id, reason: 'Not needed' },
          world.coordinator.token,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      (await api.ok(RESPOND_TO_MATCH, { id: proposed.id, accept: false }, otherMentor.token))
        .respondToMatch.status,
    ).toBe('DECLINED');
    // The sessions logged so far: none, every refusal left nothing behind.
    const [{ count }] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM mentoring_sessions WHERE match_id = $1', [
        match.id,
      ]);
    expect(count).toBe(0);
  });

  it('ends a match: the referral CLOSED, the place freed for a new referral, the mentor and the prison told', async () => {
    const small = await createScheme(
      api,
      world.coordinator.token,
      schemeInput(world.org.id, { name: 'One-place scheme', capacity: 1 }),
    );
    const smallWorld = { ...world, scheme: small };
    const ender = await clearedMentor(api, world.coordinator.token, world.org.id, {
      maxMentees: 1,
    });
    const { referral, match } = await acceptedMatch(smallWorld, ender);
    expect((await api.ok(SCHEME_PLACES, { id: small.id }, world.prison.token)).scheme).toEqual({
      capacity: 1,
      activeMentees: 1,
    });
    const waiting = await createReferral(api, world.prison.token, referralInput(api, small.id));
    expect(
      codeOf(
        await api.gql(
          RESPOND_TO_REFERRAL,
          { id: waiting.id, accept: true },
          world.coordinator.token,
        ),
      ),
    ).toBe('CONFLICT');

    expect(
      codeOf(await api.gql(END_MATCH, { id: match.id, reason: '   ' }, world.coordinator.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(
          END_MATCH,
          { id: match.id, reason: 'x'.repeat(501) },
          world.coordinator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(END_MATCH, { id: 'not-a-uuid', reason: 'Moved' }, world.coordinator.token),
      ),
    ).toBe('NOT_FOUND');

    const db = api.app.get(DataSource);
    const eventsBefore = await schemeEventCount(db, small.id);
    clock.set('2027-01-15T12:00:00Z');
    const reason = 'Recalled to custody on a licence breach';
    const ended = (await api.ok(END_MATCH, { id: match.id, reason }, world.coordinator.token))
      .endMatch;
    expect(ended).toEqual({ id: match.id, status: 'ENDED', endedAt: '2027-01-15T12:00:00.000Z' });
    expect(
      codeOf(await api.gql(END_MATCH, { id: match.id, reason }, world.coordinator.token)),
    ).toBe('CONFLICT');
    expect(codeOf(await api.gql(END_MATCH, { id: match.id, reason }, ender.token))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await api.gql(LOG_SESSION, session(match.id), ender.token))).toBe('CONFLICT');

    expect((await api.ok(REFERRAL, { id: referral.id }, world.prison.token)).referral.status).toBe(
      'CLOSED',
    );
    expect(
      (await api.ok(SCHEME_PLACES, { id: small.id }, world.prison.token)).scheme.activeMentees,
    ).toBe(0);
    expect(
      (await api.ok(VOLUNTEER_LOAD, { id: ender.id }, world.coordinator.token)).volunteer,
    ).toEqual({ activeMentees: 0, status: 'ACTIVE' });
    // The public map hears of the freed place.
    expect(await schemeEventCount(db, small.id)).toBe(eventsBefore + 1);

    // The coordinator ended it: the mentor and the referring prison are told, without the reason.
    const [toMentor] = await outboxRows(api, 'match.ended', match.id);
    expect(toMentor.recipients).toEqual([{ userId: ender.userId, audience: 'direct' }]);
    const [toPrison] = await outboxRows(api, 'referral.closed', referral.id);
    expect(toPrison.recipients).toContainEqual({ userId: world.prison.id, audience: 'direct' });
    expect(toPrison.recipients).not.toContainEqual(
      expect.objectContaining({ userId: world.otherPrison.id }),
    );
    expect(JSON.stringify([toMentor.data, toPrison.data])).not.toMatch(/Recalled|licence/);
    const [{ end_reason: stored }] = await db.query(
      'SELECT end_reason FROM matches WHERE id = $1',
      [match.id],
    );
    expect(stored).toBe(reason);

    // The freed place takes the waiting referral, and the mentor can take a new match.
    expect(
      (await api.ok(RESPOND_TO_REFERRAL, { id: waiting.id, accept: true }, world.coordinator.token))
        .respondToReferral.status,
    ).toBe('ACCEPTED');
    const next = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: waiting.id, volunteerId: ender.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    expect(
      (await api.ok(RESPOND_TO_MATCH, { id: next.id, accept: true }, ender.token)).respondToMatch
        .status,
    ).toBe('ACCEPTED');

    // The mentor ends this one: the coordinators are told.
    await api.ok(
      END_MATCH,
      { id: next.id, reason: 'We have finished our work together' },
      ender.token,
    );
    expect((await outboxRows(api, 'match.ended', next.id))[0].recipients).toEqual([
      { userId: world.coordinator.id, audience: 'coordinator' },
    ]);
    expect(
      (await api.ok(SCHEME_PLACES, { id: small.id }, world.prison.token)).scheme.activeMentees,
    ).toBe(0);
  });

  it('ends a match once when the mentor and a coordinator end it at the same moment', async () => {
    const { referral, match } = await acceptedMatch(world, mentor);
    const before = (await api.ok(VOLUNTEER_LOAD, { id: mentor.id }, world.coordinator.token))
      .volunteer.activeMentees;
    const results = await Promise.all(
      [mentor.token, world.coordinator.token, mentor.token, world.coordinator.token].map((token) =>
        api.gql(END_MATCH, { id: match.id, reason: 'Ending together' }, token),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(3);
    expect(
      (await api.ok(VOLUNTEER_LOAD, { id: mentor.id }, world.coordinator.token)).volunteer
        .activeMentees,
    ).toBe(before - 1);
    const [{ taken, active_mentees }] = await api.app.get(DataSource).query(
      `SELECT s.active_mentees, (SELECT count(*)::int FROM referrals r WHERE r.scheme_id = s.id
          AND r.status IN ('ACCEPTED', 'MATCHED', 'ACTIVE')) AS taken
         FROM schemes s WHERE s.id = $1`,
      [referral.scheme.id],
    );
    expect(active_mentees).toBe(taken);
  });

  it('records START and END outcomes with their rules, and audits them', async () => {
    const { match } = await acceptedMatch(world, otherMentor, ['ACCOMMODATION', 'HEALTH']);
    const record = (stage: string, ratings: unknown[], token = otherMentor.token) =>
      api.gql(RECORD_OUTCOME, { matchId: match.id, stage, ratings }, token);

    expect(codeOf(await record('END', [{ pathway: 'ACCOMMODATION', rating: 3 }]))).toBe('CONFLICT');
    const notNeeds = await record('START', [
      { pathway: 'ACCOMMODATION', rating: 2 },
      { pathway: 'SEX_WORK', rating: 2 },
      { pathway: 'DRUGS_ALCOHOL', rating: 1 },
    ]);
    expect(codeOf(notNeeds)).toBe('BAD_USER_INPUT');
    expect(notNeeds.errors?.[0].message).toBe(
      "ratings: not among the referral's needs: SEX_WORK, DRUGS_ALCOHOL",
    );
    for (const ratings of [
      [],
      [{ pathway: 'ACCOMMODATION', rating: 0 }],
      [{ pathway: 'ACCOMMODATION', rating: 6 }],
      [
        { pathway: 'HEALTH', rating: 2 },
        { pathway: 'HEALTH', rating: 3 },
      ],
    ]) {
      expect([ratings, codeOf(await record('START', ratings))]).toEqual([
        ratings,
        'BAD_USER_INPUT',
      ]);
    }
    expect(
      codeOf(
        await api.gql(
          RECORD_OUTCOME,
          { matchId: randomUUID(), stage: 'START', ratings: [{ pathway: 'HEALTH', rating: 2 }] },
          otherMentor.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    const started = await api.ok(
      RECORD_OUTCOME,
      {
        matchId: match.id,
        stage: 'START',
        ratings: [
          { pathway: 'ACCOMMODATION', rating: 1 },
          { pathway: 'HEALTH', rating: 2 },
        ],
      },
      otherMentor.token,
    );
    expect(started.recordOutcome).toEqual({ id: match.id, status: 'ACCEPTED' });
    // Recording a stage again replaces it as a whole.
    await api.ok(
      RECORD_OUTCOME,
      { matchId: match.id, stage: 'START', ratings: [{ pathway: 'HEALTH', rating: 3 }] },
      world.coordinator.token,
    );
    const db = api.app.get(DataSource);
    expect(
      await db.query(
        'SELECT stage, pathway, rating, recorded_by FROM match_outcomes WHERE match_id = $1',
        [match.id],
      ),
    ).toEqual([
      { stage: 'START', pathway: 'HEALTH', rating: 3, recorded_by: world.coordinator.id },
    ]);

    // END may come after the match ended.
    await api.ok(END_MATCH, { id: match.id, reason: 'Settled in' }, otherMentor.token);
    expect(
      (
        await api.ok(
          RECORD_OUTCOME,
          { matchId: match.id, stage: 'END', ratings: [{ pathway: 'HEALTH', rating: 5 }] },
          otherMentor.token,
        )
      ).recordOutcome,
    ).toEqual({ id: match.id, status: 'ENDED' });
    const audit = await db.query(
      `SELECT details FROM audit_events WHERE action = 'match.outcome_recorded' AND entity_id = $1 ORDER BY created_at`,
      [match.id],
    );
    expect(audit.map((row: { details: { stage: string } }) => row.details.stage)).toEqual([
      'START',
      'START',
      'END',
    ]);
  });

  it('summarises distance travelled per pathway for the organisation, over END ratings in the window', async () => {
    const summaryWorld = await referralWorld(api, {
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT', 'HEALTH'],
    });
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        clearedMentor(api, summaryWorld.coordinator.token, summaryWorld.org.id, { maxMentees: 5 }),
      ),
    );
    const token = summaryWorld.coordinator.token;
    const rate = (matchId: string, stage: string, ratings: Record<string, number>) =>
      api.ok(
        RECORD_OUTCOME,
        {
          matchId,
          stage,
          ratings: Object.entries(ratings).map(([pathway, rating]) => ({ pathway, rating })),
        },
        token,
      );

    clock.set('2026-12-01T10:00:00Z');
    const one = (
      await acceptedMatch(summaryWorld, first, ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'])
    ).match;
    const two = (await acceptedMatch(summaryWorld, second, ['ACCOMMODATION', 'HEALTH'])).match;
    const three = (await acceptedMatch(summaryWorld, first, ['ACCOMMODATION'])).match;
    const four = (await acceptedMatch(summaryWorld, second, ['ACCOMMODATION'])).match;
    const five = (
      await acceptedMatch(summaryWorld, first, ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'])
    ).match;
    await rate(one.id, 'START', { ACCOMMODATION: 2, EDUCATION_TRAINING_EMPLOYMENT: 3 });
    await rate(two.id, 'START', { ACCOMMODATION: 1, HEALTH: 2 });
    await rate(three.id, 'START', { ACCOMMODATION: 3 });
    await rate(four.id, 'START', { ACCOMMODATION: 2 }); // never gets an END rating
    await rate(five.id, 'START', { ACCOMMODATION: 1, EDUCATION_TRAINING_EMPLOYMENT: 1 });
    await rate(five.id, 'START', { ACCOMMODATION: 3 }); // replaces: no START for ETE any more

    clock.set('2027-01-01T00:00:00Z');
    await rate(one.id, 'END', { ACCOMMODATION: 4, EDUCATION_TRAINING_EMPLOYMENT: 3 });
    clock.set('2027-01-15T12:00:00Z');
    await rate(five.id, 'END', { ACCOMMODATION: 3, EDUCATION_TRAINING_EMPLOYMENT: 4 });
    clock.set('2027-01-31T23:30:00Z');
    await rate(two.id, 'END', { ACCOMMODATION: 2, HEALTH: 1 });
    clock.set('2027-02-01T00:00:00Z');
    await rate(three.id, 'END', { ACCOMMODATION: 5 });
    // Another organisation's outcomes never count here.
    const elsewhere = await acceptedMatch(world, mentor, ['ACCOMMODATION']);
    await api.ok(
      RECORD_OUTCOME,
      {
        matchId: elsewhere.match.id,
        stage: 'START',
        ratings: [{ pathway: 'ACCOMMODATION', rating: 1 }],
      },
      world.coordinator.token,
    );
    await api.ok(
      RECORD_OUTCOME,
      {
        matchId: elsewhere.match.id,
        stage: 'END',
        ratings: [{ pathway: 'ACCOMMODATION', rating: 1 }],
      },
      world.coordinator.token,
    );

    const january = { organisationId: summaryWorld.org.id, from: '2027-01-01', to: '2027-01-31' };
    expect((await api.ok(OUTCOME_SUMMARY, january, token)).outcomeSummary).toEqual([
      { pathway: 'ACCOMMODATION', people: 3, meanChange: 1, improved: 2 },
      { pathway: 'EDUCATION_TRAINING_EMPLOYMENT', people: 1, meanChange: 0, improved: 0 },
      { pathway: 'HEALTH', people: 1, meanChange: -1, improved: 0 },
    ]);
    expect(
      (
        await api.ok(
          OUTCOME_SUMMARY,
          { organisationId: summaryWorld.org.id, from: '2027-02-01', to: '2027-03-31' },
          world.admin,
        )
      ).outcomeSummary,
    ).toEqual([{ pathway: 'ACCOMMODATION', people: 1, meanChange: 2, improved: 1 }]);
    expect(
      (
        await api.ok(
          OUTCOME_SUMMARY,
          { organisationId: summaryWorld.org.id, from: '2027-01-02', to: '2027-01-15' },
          token,
        )
      ).outcomeSummary,
    ).toEqual([{ pathway: 'ACCOMMODATION', people: 1, meanChange: 0, improved: 0 }]);
    expect(
      (await api.ok(OUTCOME_SUMMARY, { ...january, from: '2026-01-01', to: '2026-12-31' }, token))
        .outcomeSummary,
    ).toEqual([]);

    const refusals: [string, Record<string, unknown>, string, string][] = [
      ['from after to', { ...january, from: '2027-02-01' }, token, 'BAD_USER_INPUT'],
      ['not a date', { ...january, to: '2027-02-30' }, token, 'BAD_USER_INPUT'],
      ['another organisation’s coordinator', january, world.coordinator.token, 'FORBIDDEN'],
      ['a mentor', january, first.token, 'FORBIDDEN'],
      ['prison staff', january, summaryWorld.prison.token, 'FORBIDDEN'],
      [
        'an unknown organisation',
        { ...january, organisationId: randomUUID() },
        world.admin,
        'NOT_FOUND',
      ],
      [
        'a coordinator without that organisation',
        january,
        await tokenFor(api, Role.COORDINATOR),
        'FORBIDDEN',
      ],
    ];
    for (const [name, variables, who, code] of refusals) {
      expect([name, codeOf(await api.gql(OUTCOME_SUMMARY, variables, who))]).toEqual([name, code]);
    }
  });
});

async function schemeEventCount(db: DataSource, schemeId: string): Promise<number> {
  const [{ count }] = await db.query(
    'SELECT count(*)::int AS count FROM scheme_events WHERE scheme_id = $1',
    [schemeId],
  );
  return count;
}
