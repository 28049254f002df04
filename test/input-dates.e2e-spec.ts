import { DataSource } from 'typeorm';
import { GqlResult, TestApi, codeOf } from './support/app';
import { registerMentor } from './support/factories';
import { referralWorld } from './support/matching';
import { RECORD_OUTCOME, certificateNumber, requestCheck } from './support/vetting';

// The Date scalar accepts "0000-01-01" to "9999-12-31". Dates that no real case has are refused
// as BAD_USER_INPUT naming the field, never an internal error or an answer 1,900 years off:
// - rehabilitationPeriod: convictionDate and sentenceEndDate between 1900-01-01 and 2199-12-31;
// - recordVettingOutcome: issuedOn not before 1900-01-01 (and, as before, not in the future).
// addMonths itself reads years 0–99 as given (libs/core/src/clock/calendar.spec.ts).

const REHABILITATION = `query($input: RehabilitationInput!) {
  rehabilitationPeriod(input: $input) { neverSpent spentOn spentToday rule }
}`;

function fields(result: GqlResult) {
  return result.errors?.[0].extensions.fields?.map((f) => f.field);
}

describe('far-past and far-future dates', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('rehabilitationPeriod: a custody sentence ending in 9999 is BAD_USER_INPUT on input.sentenceEndDate, not an internal error', async () => {
    const result = await api.gql(REHABILITATION, {
      input: {
        sentenceType: 'CUSTODY',
        custodyMonths: 24,
        convictionDate: '2020-01-01',
        sentenceEndDate: '9999-12-01',
        ageAtConviction: 30,
      },
    });
    expect(result.errors?.[0]?.message).not.toBe('Internal server error');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual(['input.sentenceEndDate']);
  });

  it('rehabilitationPeriod: a fine in the year 50 is not spent in 1951 (refused, or spent in 0051)', async () => {
    const result = await api.gql(REHABILITATION, {
      input: { sentenceType: 'FINE', convictionDate: '0050-06-01', ageAtConviction: 30 },
    });
    if (result.errors) {
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fields(result)).toEqual(['input.convictionDate']);
    } else {
      expect(result.data?.rehabilitationPeriod.spentOn).toBe('0051-06-01');
    }
  });

  it('rehabilitationPeriod: a sentence ending on the last accepted day (2199-12-31) is answered', async () => {
    const result = await api.gql(REHABILITATION, {
      input: {
        sentenceType: 'CUSTODY',
        custodyMonths: 60,
        convictionDate: '2020-01-01',
        sentenceEndDate: '2199-12-31',
        ageAtConviction: 30,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.rehabilitationPeriod.spentOn).toBe('2206-12-31');
  });

  describe('recordVettingOutcome issuedOn', () => {
    let world: Awaited<ReturnType<typeof referralWorld>>;
    beforeAll(async () => {
      world = await referralWorld(api);
    });

    async function dbsCheck() {
      const mentor = await registerMentor(api, { organisationId: world.org.id });
      return requestCheck(api, world.coordinator.token, {
        volunteerId: mentor.id,
        kind: 'DBS',
        dbsLevel: 'STANDARD',
      });
    }

    it('"0000-01-01" is BAD_USER_INPUT on input.issuedOn and the check stays REQUESTED', async () => {
      const check = await dbsCheck();
      const result = await api.gql(
        RECORD_OUTCOME,
        {
          input: {
            checkId: check.id,
            status: 'CLEAR',
            certificateNumber: certificateNumber(),
            issuedOn: '0000-01-01',
          },
        },
        world.coordinator.token,
      );
      expect(result.errors?.[0]?.message).not.toBe('Internal server error');
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fields(result)).toEqual(['input.issuedOn']);
      const [row] = await api.app
        .get(DataSource)
        .query('SELECT status FROM vetting_checks WHERE id = $1', [check.id]);
      expect(row.status).toBe('REQUESTED');
    });

    it('"0050-01-01" is refused, or its re-check date is three years later (0053), not 1953', async () => {
      const check = await dbsCheck();
      const result = await api.gql(
        RECORD_OUTCOME,
        {
          input: {
            checkId: check.id,
            status: 'CLEAR',
            certificateNumber: certificateNumber(),
            issuedOn: '0050-01-01',
          },
        },
        world.coordinator.token,
      );
      if (result.errors) {
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(fields(result)).toEqual(['input.issuedOn']);
      } else {
        expect(result.data?.recordVettingOutcome.expiresOn).toBe('0053-01-01');
      }
    });
  });
});
