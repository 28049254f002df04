import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { TestApi } from './support/app';
import { OwnApi, startOwnApi } from './support/own-stack';

const LEEDS = 'E08000035';
const BRADFORD = 'E08000032';
const MANCHESTER = 'E08000003';
const SALFORD = 'E08000006';
const LAMBETH = 'E09000022';
const BOTH_NEEDS = ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'];

interface Match {
  scheme: { id: string; name: string; organisation: { id: string; name: string } };
  distanceKm: number | null;
  score: number;
  reasons: string[];
  hasCapacity: boolean;
  throughTheGate: boolean;
}

/**
 * A dozen real-place schemes, each there to decide one rule. The searches ask for the first 100 and
 * every assertion looks only at this file's schemes (their names start with `run`); on the run's
 * shared database other files' Leeds schemes (each referralWorld makes one) rank among them and
 * would, in numbers, push this file's lower-ranked schemes past the first 100. So the file has a
 * database of its own (startOwnApi), with its modules loaded after that environment is set.
 */
describe('searchServices', () => {
  let stack: OwnApi;
  let api: TestApi;
  let admin: string;
  let staff: string;
  let run: string;
  const named = (name: string) => `${run} ${name}`;
  let Role: typeof import('@app/core').Role;
  let codeOf: typeof import('./support/app').codeOf;
  let createOrganisation: typeof import('./support/factories').createOrganisation;
  let createStaff: typeof import('./support/factories').createStaff;
  let SEARCH_SERVICES: string;
  let tokenFor: typeof import('./support/schemes').tokenFor;

  async function search(input: Record<string, unknown>, token = staff): Promise<Match[]> {
    const data = await api.ok<{ searchServices: Match[] }>(
      SEARCH_SERVICES,
      { input: { first: 100, ...input } },
      token,
    );
    return data.searchServices.filter((match) => match.scheme.name.startsWith(run));
  }
  const names = (matches: Match[]) =>
    matches.map((match) => match.scheme.name.slice(run.length + 1));
  const byName = (matches: Match[], name: string) =>
    matches.find((match) => match.scheme.name === named(name));

  /** A woman aged 34, medium risk, leaving HMP Leeds for LS6, needing accommodation and work. */
  const woman = {
    releasePostcode: 'ls6 1aa',
    prisonCode: 'LEI',
    needs: BOTH_NEEDS,
    gender: 'FEMALE',
    age: 34,
    riskLevel: 'MEDIUM',
  };

  beforeAll(async () => {
    stack = await startOwnApi('search');
    ({ api } = stack);
    ({ Role } = await import('@app/core'));
    const app = await import('./support/app');
    codeOf = app.codeOf;
    run = app.unique('search');
    ({ createOrganisation, createStaff } = await import('./support/factories'));
    const schemesSupport = await import('./support/schemes');
    const { UPDATE_SCHEME, createScheme, schemeInput } = schemesSupport;
    ({ SEARCH_SERVICES, tokenFor } = schemesSupport);
    admin = await api.adminToken();
    staff = (await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' })).token;
    const plain = (await createOrganisation(api, admin)).id;
    const womenLed = (await createOrganisation(api, admin, { specialisms: ['WOMEN'] })).id;
    const youth = (await createOrganisation(api, admin, { specialisms: ['YOUNG_PEOPLE', 'FAITH'] }))
      .id;
    const schemes: [string, string, Record<string, unknown>][] = [
      // Leeds: through the gate at HMP Leeds, by local authority, based in Armley (LS12).
      ['gate-leeds', plain, { prisonsServed: ['LEI'], postcode: 'LS12 2TJ', maxRiskLevel: 'HIGH' }],
      // Radius only: base in LS1, 10 km.
      ['leeds-radius', plain, { coverageLocalAuthorities: [], postcode: 'LS1 4AP', radiusKm: 10 }],
      // Radius only from Bradford: LS6 is ~12.6 km from BD1 (inside 20 km) and ~14.7 km from BD7 (outside 5 km).
      [
        'bradford-wide',
        plain,
        {
          coverageLocalAuthorities: [],
          postcode: 'BD1 1AA',
          radiusKm: 20,
          pathways: ['EDUCATION_TRAINING_EMPLOYMENT'],
        },
      ],
      [
        'bradford-narrow',
        plain,
        { coverageLocalAuthorities: [BRADFORD], postcode: 'BD7 1AA', radiusKm: 5 },
      ],
      // National, by phone.
      [
        'national-phone',
        plain,
        {
          national: true,
          coverageLocalAuthorities: [],
          deliveryModes: ['PHONE'],
          pathways: ['ACCOMMODATION'],
        },
      ],
      // Women only, women-led.
      [
        'women-leeds',
        womenLed,
        {
          genders: ['FEMALE'],
          postcode: 'LS2 9JT',
          pathways: ['ACCOMMODATION', 'ABUSE_DOMESTIC_VIOLENCE'],
        },
      ],
      // 18–25 only.
      [
        'young-leeds',
        youth,
        { minAge: 18, maxAge: 25, pathways: ['EDUCATION_TRAINING_EMPLOYMENT'] },
      ],
      // Low risk only.
      ['low-risk-leeds', plain, { maxRiskLevel: 'LOW' }],
      // No overlap with accommodation or work.
      ['health-leeds', plain, { pathways: ['HEALTH'] }],
      // No places.
      ['full-leeds', plain, { capacity: 0 }],
      // Polish-speaking, no base.
      ['polish-leeds', plain, { languages: ['pl'], pathways: ['ACCOMMODATION'] }],
      // Online only, covering Leeds by its list.
      ['online-leeds', plain, { deliveryModes: ['ONLINE'] }],
      // Elsewhere: Manchester and Salford, Styal, Brixton.
      [
        'gate-manchester',
        plain,
        { coverageLocalAuthorities: [MANCHESTER], prisonsServed: ['MRI'] },
      ],
      ['salford-la', plain, { coverageLocalAuthorities: [SALFORD] }],
      [
        'manchester-radius',
        plain,
        { coverageLocalAuthorities: [], postcode: 'M1 1AE', radiusKm: 15 },
      ],
      [
        'gate-styal',
        womenLed,
        {
          coverageLocalAuthorities: [MANCHESTER, SALFORD],
          prisonsServed: ['STI'],
          genders: ['FEMALE'],
        },
      ],
      [
        'gate-brixton',
        plain,
        { coverageLocalAuthorities: [LAMBETH], prisonsServed: ['BXI'], postcode: 'SW2 5XF' },
      ],
      [
        'cardiff-radius',
        plain,
        { coverageLocalAuthorities: [], postcode: 'CF10 1AA', radiusKm: 10 },
      ],
      // Would match everything in Leeds, but is paused.
      ['paused-leeds', plain, { prisonsServed: ['LEI'] }],
    ];
    for (const [name, organisationId, overrides] of schemes) {
      const scheme = await createScheme(
        api,
        admin,
        schemeInput(organisationId, {
          name: named(name),
          coverageLocalAuthorities: [LEEDS],
          ...overrides,
        }),
      );
      if (name === 'paused-leeds')
        await api.ok(UPDATE_SCHEME, { id: scheme.id, input: { active: false } }, admin);
    }
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('ranks through-the-gate first, then needs covered, distance, specialist fit and places; each with its reasons', async () => {
    const matches = await search(woman);
    expect(names(matches)).toEqual([
      'gate-leeds',
      'leeds-radius',
      'online-leeds',
      'women-leeds',
      'bradford-wide',
      'polish-leeds',
      'national-phone',
    ]);
    expect(byName(matches, 'gate-leeds')).toMatchObject({
      throughTheGate: true,
      hasCapacity: true,
      reasons: [
        'meets people in HMP Leeds before release',
        'covers Leeds',
        '3.6 km from LS6',
        'covers 2 of 2 needs: accommodation, work',
        '10 of 10 places free',
      ],
    });
    expect(byName(matches, 'leeds-radius')?.reasons).toEqual([
      '2.5 km from LS6',
      'covers 2 of 2 needs: accommodation, work',
      '10 of 10 places free',
    ]);
    expect(byName(matches, 'online-leeds')).toMatchObject({
      distanceKm: null,
      reasons: [
        'covers Leeds',
        'by online only',
        'covers 2 of 2 needs: accommodation, work',
        '10 of 10 places free',
      ],
    });
    expect(byName(matches, 'women-leeds')?.reasons).toEqual([
      'covers Leeds',
      '2.3 km from LS6',
      'covers 1 of 2 needs: accommodation',
      'women-led organisation',
      '10 of 10 places free',
    ]);
    expect(byName(matches, 'bradford-wide')?.reasons).toEqual([
      '12.6 km from LS6',
      'covers 1 of 2 needs: work',
      '10 of 10 places free',
    ]);
    expect(byName(matches, 'national-phone')).toMatchObject({
      distanceKm: null,
      throughTheGate: false,
      reasons: [
        'national service',
        'by phone only',
        'covers 1 of 2 needs: accommodation',
        '10 of 10 places free',
      ],
    });
    const scores = matches.map((match) => match.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(byName(matches, 'gate-leeds')?.distanceKm).toBeCloseTo(3.57, 1);
  });

  it('hides a women-only scheme from a man, and favours a young-people organisation for an 18–25 year old', async () => {
    const man = await search({ ...woman, gender: 'MALE', age: 19 });
    expect(names(man)).not.toContain('women-leeds');
    expect(names(man)).toContain('young-leeds');
    expect(byName(man, 'young-leeds')?.reasons).toContain('specialises in young adults (18–25)');
    expect(byName(man, 'young-leeds')?.reasons).not.toContain('faith-based organisation');
    const faith = await search({
      ...woman,
      gender: 'MALE',
      age: 19,
      preferredSpecialisms: ['FAITH'],
    });
    expect(byName(faith, 'young-leeds')?.reasons).toContain('faith-based organisation');
    expect(byName(faith, 'young-leeds')!.score).toBeGreaterThan(byName(man, 'young-leeds')!.score);
    // Outside 18–25 the age range excludes it.
    expect(names(await search({ ...woman, gender: 'MALE', age: 26 }))).not.toContain('young-leeds');
  });

  it('excludes schemes below the risk level, and says when high risk is accepted', async () => {
    const low = await search({ ...woman, riskLevel: 'LOW' });
    expect(names(low)).toContain('low-risk-leeds');
    expect(names(await search(woman))).not.toContain('low-risk-leeds');
    const high = await search({ ...woman, riskLevel: 'HIGH' });
    expect(names(high)).toEqual(['gate-leeds']);
    expect(high[0].reasons).toContain('accepts high risk of serious harm');
  });

  it('needs at least one need in common when needs are given', async () => {
    expect(names(await search(woman))).not.toContain('health-leeds');
    const anyNeed = await search({ ...woman, needs: null });
    expect(names(anyNeed)).toContain('health-leeds');
    expect(names(await search({ ...woman, needs: ['HEALTH'] }))).toEqual(['health-leeds']);
  });

  it('hides full schemes unless asked, then ranks them last', async () => {
    expect(names(await search(woman))).not.toContain('full-leeds');
    const withFull = await search({ ...woman, includeFull: true });
    expect(names(withFull).at(-1)).toBe('full-leeds');
    expect(withFull.at(-1)).toMatchObject({ hasCapacity: false });
    expect(withFull.at(-1)?.reasons.at(-1)).toBe('no places free (waiting list)');
  });

  it('keeps only schemes speaking the language a person needs, other than English', async () => {
    const polish = await search({ ...woman, language: 'PL' });
    expect(names(polish)).toEqual(['polish-leeds']);
    expect(polish[0].reasons).toContain('offers support in Polish');
    expect(names(await search({ ...woman, language: 'en' }))).toEqual(names(await search(woman)));
    expect(
      codeOf(await api.gql(SEARCH_SERVICES, { input: { ...woman, language: 'xx' } }, staff)),
    ).toBe('BAD_USER_INPUT');
  });

  it('filters by delivery mode when asked', async () => {
    const inPerson = names(await search({ ...woman, deliveryModes: ['IN_PERSON'] }));
    expect(inPerson).not.toContain('online-leeds');
    expect(inPerson).not.toContain('national-phone');
    expect(inPerson).toContain('gate-leeds');
    expect(names(await search({ ...woman, deliveryModes: ['PHONE'] }))).toEqual(['national-phone']);
  });

  it('covers by radius only within the search radius as well as the scheme radius', async () => {
    const near = names(await search({ ...woman, radiusKm: 10 }));
    expect(near).not.toContain('bradford-wide');
    expect(near).toContain('leeds-radius');
    expect(names(await search(woman))).not.toContain('bradford-narrow');
  });

  it('searches by local authority, measuring from its centre', async () => {
    const matches = await search({
      ...woman,
      releasePostcode: undefined,
      localAuthorityCode: 'e08000035',
    });
    expect(names(matches)[0]).toBe('gate-leeds');
    expect(byName(matches, 'gate-leeds')?.reasons).toContain('covers Leeds');
    expect(byName(matches, 'leeds-radius')?.reasons[0]).toMatch(
      /^\d+\.\d km from the centre of Leeds$/,
    );
  });

  it('needs coverage even through the gate: HMP Manchester does not cover Salford, HMP Styal does', async () => {
    const salford = await search({
      releasePostcode: 'M6 5FX',
      prisonCode: 'STI',
      gender: 'FEMALE',
      needs: BOTH_NEEDS,
    });
    expect(names(salford)).toEqual([
      'gate-styal',
      'manchester-radius',
      'salford-la',
      'national-phone',
    ]);
    expect(salford[0].reasons.slice(0, 2)).toEqual([
      'meets people in HMP Styal before release',
      'covers Salford',
    ]);
    const fromManchesterPrison = await search({
      releasePostcode: 'M6',
      prisonCode: 'MRI',
      gender: 'MALE',
      needs: BOTH_NEEDS,
    });
    expect(names(fromManchesterPrison)).not.toContain('gate-manchester');
    expect(fromManchesterPrison.every((match) => !match.throughTheGate)).toBe(true);
    const toManchester = await search({
      releasePostcode: 'M14',
      prisonCode: 'MRI',
      gender: 'MALE',
      needs: BOTH_NEEDS,
    });
    expect(names(toManchester)[0]).toBe('gate-manchester');
  });

  it('finds through-the-gate in London and radius schemes in Cardiff, and nothing of Leeds there', async () => {
    const lambeth = await search({
      releasePostcode: 'SW9 8QA',
      prisonCode: 'BXI',
      needs: BOTH_NEEDS,
    });
    expect(names(lambeth)).toEqual(['gate-brixton', 'national-phone']);
    expect(lambeth[0].reasons.slice(0, 3)).toEqual([
      'meets people in HMP Brixton before release',
      'covers Lambeth',
      expect.stringMatching(/^2\.\d km from SW9$/),
    ]);
    const cardiff = await search({ releasePostcode: 'CF24 0UG', needs: BOTH_NEEDS });
    expect(names(cardiff)).toEqual(['cardiff-radius', 'national-phone']);
  });

  it('defaults the prison to the prison officer’s own', async () => {
    const matches = await search({ ...woman, prisonCode: undefined });
    expect(matches[0]).toMatchObject({
      throughTheGate: true,
      scheme: { name: named('gate-leeds') },
    });
    const coordinator = (
      await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: (await createOrganisation(api, admin)).id,
      })
    ).token;
    const asCoordinator = await search({ ...woman, prisonCode: undefined }, coordinator);
    expect(asCoordinator.some((match) => match.throughTheGate)).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no release location', { releasePostcode: undefined }, 'input.releasePostcode'],
    ['not a postcode', { releasePostcode: 'LS6 1' }, 'input.releasePostcode'],
    ['an unknown postcode district', { releasePostcode: 'ZZ9 9ZZ' }, 'input.releasePostcode'],
    [
      'an unknown local authority',
      { releasePostcode: undefined, localAuthorityCode: 'E99999999' },
      'input.localAuthorityCode',
    ],
    ['an unknown prison', { prisonCode: 'XYZ' }, 'input.prisonCode'],
  ])('answers %s with BAD_USER_INPUT', async (_name, overrides, field) => {
    const result = await api.gql(SEARCH_SERVICES, { input: { ...woman, ...overrides } }, staff);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe(field);
    expect(JSON.stringify(result)).not.toMatch(/9ZZ/);
  });

  it('is for prison staff, coordinators and admins: not mentors, not anonymous', async () => {
    expect(
      codeOf(await api.gql(SEARCH_SERVICES, { input: woman }, await tokenFor(api, Role.MENTOR))),
    ).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(SEARCH_SERVICES, { input: woman }))).toBe('UNAUTHENTICATED');
    expect((await search(woman, admin)).length).toBeGreaterThan(0);
  });

  it('costs one SQL statement per search: the organisations come with the candidates', async () => {
    await search(woman); // places are cached after the first search
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const matches = await search(woman);
      expect(matches.length).toBeGreaterThan(5);
      expect(
        matches
          .map((match) => match.scheme.organisation.name)
          .every((name) => name.startsWith('Org-')),
      ).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
