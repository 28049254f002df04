import { Clock, addMonths } from '@app/core';
import { TestApi } from './support/app';
import { createOrganisation, createStaff, insertVolunteers } from './support/factories';
import {
  CheckSpec,
  IDENTITY_AND_REFERENCES,
  clearanceOf,
  completeChecks,
  vettingScheme,
} from './support/vetting';

jest.setTimeout(60_000);

// The clearance rules of domain.md ("Vetting and barring"), through GraphQL: every check is
// requested and decided with the API, then `volunteer.clearance(schemeId, asOf)` is asked.

type SchemeKey = 'baseline' | 'basic' | 'standard' | 'enhanced' | 'children' | 'adults' | 'prison';

const base = IDENTITY_AND_REFERENCES;
const dbs = (dbsLevel: string, extra: Partial<CheckSpec> = {}): CheckSpec => ({
  kind: 'DBS',
  dbsLevel,
  ...extra,
});
const DISCLOSURE_MISSING = 'DBS STANDARD (disclosure needs a CLEAR conviction risk assessment)';

describe('clearance for a scheme', () => {
  let api: TestApi;
  let coordinator: string;
  let org: { id: string };
  const schemes: Partial<Record<SchemeKey, string>> = {};

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.adminToken();
    org = await createOrganisation(api, admin);
    coordinator = (await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }))
      .token;
    schemes.basic = (
      await vettingScheme(api, coordinator, org.id, { requiredDbsLevel: 'BASIC' })
    ).id;
    schemes.standard = (
      await vettingScheme(api, coordinator, org.id, { requiredDbsLevel: 'STANDARD' })
    ).id;
    schemes.enhanced = (
      await vettingScheme(api, coordinator, org.id, { requiredDbsLevel: 'ENHANCED' })
    ).id;
    schemes.children = (
      await vettingScheme(api, coordinator, org.id, {
        requiredDbsLevel: 'ENHANCED',
        requiredBarredLists: ['CHILDREN'],
      })
    ).id;
    schemes.adults = (
      await vettingScheme(api, coordinator, org.id, {
        requiredDbsLevel: 'ENHANCED',
        requiredBarredLists: ['ADULTS'],
      })
    ).id;
    schemes.prison = (
      await vettingScheme(api, coordinator, org.id, {
        requiredDbsLevel: 'BASIC',
        prisonsServed: ['LEI'],
      })
    ).id;
  });
  afterAll(() => api.stop());

  async function volunteerWith(specs: CheckSpec[]): Promise<string> {
    const [id] = await insertVolunteers(api, 1, org.id);
    await completeChecks(api, coordinator, id, specs);
    return id;
  }

  it.each<[string, CheckSpec[], SchemeKey, string[]]>([
    ['baseline: nothing yet', [], 'baseline', ['DBS BASIC', 'IDENTITY', 'REFERENCE (0 of 2)']],
    ['baseline: met', [...base, dbs('BASIC')], 'baseline', []],
    ['ENHANCED covers STANDARD', [...base, dbs('ENHANCED')], 'standard', []],
    ['ENHANCED covers BASIC', [...base, dbs('ENHANCED')], 'basic', []],
    ['STANDARD covers BASIC', [...base, dbs('STANDARD')], 'basic', []],
    ['BASIC does not cover STANDARD', [...base, dbs('BASIC')], 'standard', ['DBS STANDARD']],
    ['STANDARD does not cover ENHANCED', [...base, dbs('STANDARD')], 'enhanced', ['DBS ENHANCED']],
    [
      'a barred list is met only by a check of that list',
      [...base, dbs('ENHANCED')],
      'children',
      ['DBS ENHANCED with CHILDREN barred list'],
    ],
    [
      'the other barred list does not count',
      [...base, dbs('ENHANCED', { barredLists: ['ADULTS'] })],
      'children',
      ['DBS ENHANCED with CHILDREN barred list'],
    ],
    [
      'the required list checked and clear',
      [...base, dbs('ENHANCED', { barredLists: ['CHILDREN'] })],
      'children',
      [],
    ],
    [
      'BARRED on a required list: never cleared, even after a later clear check',
      [
        ...base,
        dbs('ENHANCED', { barredLists: ['CHILDREN'], status: 'BARRED' }),
        dbs('ENHANCED', { barredLists: ['CHILDREN'] }),
      ],
      'children',
      ['barred: on the CHILDREN barred list; cannot be placed in this role'],
    ],
    [
      'BARRED on a list the scheme does not require',
      [...base, dbs('ENHANCED', { barredLists: ['ADULTS'], status: 'BARRED' }), dbs('STANDARD')],
      'standard',
      [],
    ],
    [
      'BARRED on one of two lists checked: only that list bars',
      [
        ...base,
        dbs('ENHANCED', {
          barredLists: ['ADULTS', 'CHILDREN'],
          status: 'BARRED',
          barredOn: ['ADULTS'],
        }),
        dbs('ENHANCED', { barredLists: ['CHILDREN'] }),
      ],
      'children',
      [],
    ],
    [
      'two references are needed',
      [{ kind: 'IDENTITY' }, { kind: 'REFERENCE' }, dbs('BASIC')],
      'basic',
      ['REFERENCE (1 of 2)'],
    ],
    [
      'a rejected reference does not count',
      [
        { kind: 'IDENTITY' },
        { kind: 'REFERENCE' },
        { kind: 'REFERENCE', status: 'REJECTED' },
        dbs('BASIC'),
      ],
      'basic',
      ['REFERENCE (1 of 2)'],
    ],
    [
      'prison security for a scheme that works in a prison',
      [...base, dbs('BASIC')],
      'prison',
      ['PRISON_SECURITY (scheme works in HMP Leeds)'],
    ],
    ['no prison security for a scheme that works in none', [...base, dbs('BASIC')], 'basic', []],
    ['prison security clear', [...base, dbs('BASIC'), { kind: 'PRISON_SECURITY' }], 'prison', []],
    [
      'DISCLOSURE without a risk assessment',
      [...base, dbs('STANDARD', { status: 'DISCLOSURE' })],
      'standard',
      [DISCLOSURE_MISSING],
    ],
    [
      'DISCLOSURE with a later CLEAR risk assessment',
      [...base, dbs('STANDARD', { status: 'DISCLOSURE' }), { kind: 'CONVICTION_RISK_ASSESSMENT' }],
      'standard',
      [],
    ],
    [
      'a risk assessment recorded before the disclosure does not count',
      [...base, { kind: 'CONVICTION_RISK_ASSESSMENT' }, dbs('STANDARD', { status: 'DISCLOSURE' })],
      'standard',
      [DISCLOSURE_MISSING],
    ],
    [
      'a REJECTED risk assessment does not count',
      [
        ...base,
        dbs('STANDARD', { status: 'DISCLOSURE' }),
        { kind: 'CONVICTION_RISK_ASSESSMENT', status: 'REJECTED' },
      ],
      'standard',
      [DISCLOSURE_MISSING],
    ],
    [
      'a DBS check past its re-check date does not count',
      [...base, dbs('BASIC', { issuedOn: '2023-01-10' })],
      'basic',
      ['DBS BASIC'],
    ],
  ])('%s', async (_name, specs, scheme, missing) => {
    const volunteerId = await volunteerWith(specs);
    const schemeId = scheme === 'baseline' ? undefined : schemes[scheme];
    const clearance = await clearanceOf(api, coordinator, volunteerId, { schemeId });
    expect(clearance.missing).toEqual(missing);
    expect(clearance.cleared).toBe(missing.length === 0);
  });

  it('counts as of a future date (a release date): a check past its re-check date by then does not', async () => {
    // Issued 1 June 2026, the organisation re-checks after 3 years: re-check date 1 June 2029.
    const volunteerId = await volunteerWith([...base, dbs('STANDARD', { issuedOn: '2026-06-01' })]);
    const dayBefore = await clearanceOf(api, coordinator, volunteerId, {
      schemeId: schemes.standard,
      asOf: '2029-05-31',
    });
    expect(dayBefore).toEqual({ cleared: true, missing: [], expiresOn: '2029-06-01' });
    // The re-check date is the last day the check counts (domain.md: EXPIRED once *past* it).
    const onTheDay = await clearanceOf(api, coordinator, volunteerId, {
      schemeId: schemes.standard,
      asOf: '2029-06-01',
    });
    expect(onTheDay).toEqual({ cleared: true, missing: [], expiresOn: '2029-06-01' });
    const dayAfter = await clearanceOf(api, coordinator, volunteerId, {
      schemeId: schemes.standard,
      asOf: '2029-06-02',
    });
    expect(dayAfter).toEqual({ cleared: false, missing: ['DBS STANDARD'], expiresOn: null });
  });

  it("takes the re-check date from the organisation's dbsRecheckYears, and prison security after 3 years", async () => {
    const admin = await api.adminToken();
    const strict = await createOrganisation(api, admin, { dbsRecheckYears: 1 });
    const strictCoordinator = (
      await createStaff(api, admin, { role: 'COORDINATOR', organisationId: strict.id })
    ).token;
    const prisonScheme = await vettingScheme(api, strictCoordinator, strict.id, {
      requiredDbsLevel: 'BASIC',
      prisonsServed: ['LEI'],
    });
    const [volunteerId] = await insertVolunteers(api, 1, strict.id);
    // Issued a month ago, so the one-year re-check date is still ahead whenever the suite runs.
    const issuedOn = addMonths(api.app.get(Clock).today(), -1);
    const recheckOn = addMonths(issuedOn, 12);
    const [, , , dbsCheck, security] = await completeChecks(api, strictCoordinator, volunteerId, [
      ...base,
      dbs('BASIC', { issuedOn }),
      { kind: 'PRISON_SECURITY', issuedOn: '2026-05-01' },
    ]);
    expect(dbsCheck.expiresOn).toBe(recheckOn);
    expect(security.expiresOn).toBe('2029-05-01');
    const clearance = await clearanceOf(api, strictCoordinator, volunteerId, {
      schemeId: prisonScheme.id,
    });
    expect(clearance).toEqual({ cleared: true, missing: [], expiresOn: recheckOn });
  });
});
