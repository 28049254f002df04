import { derivedId, orukPage, toOrukService } from '../open-referral/oruk-service';
import { tileOrigin } from '../page/map-page';
import { buildSnapshot } from './build-snapshot';
import { MapSourceRow } from './map-source-row';

const row = (overrides: Partial<MapSourceRow> = {}): MapSourceRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Leeds mentoring',
  description: 'One-to-one mentoring',
  organisation_id: '00000000-0000-4000-8000-0000000000aa',
  organisation_name: 'Leeds Trust',
  pathways: ['ACCOMMODATION'],
  genders: [],
  min_age: 18,
  max_age: null,
  delivery_modes: ['IN_PERSON'],
  languages: [],
  national: false,
  outcode: 'LS6',
  latitude: 53.8208,
  longitude: -1.5773,
  has_places: true,
  coverage_names: ['Leeds'],
  prison_names: ['HMP Leeds'],
  updated_at: new Date('2026-11-01T10:00:00Z'),
  ...overrides,
});

describe('buildSnapshot', () => {
  it('makes a Point per located scheme ([longitude, latitude]) and lists the others without geometry', () => {
    const { map } = buildSnapshot(
      [
        row(),
        row({
          id: '00000000-0000-4000-8000-000000000002',
          latitude: null,
          longitude: null,
          national: true,
          outcode: null,
        }),
      ],
      new Date('2026-11-26T07:00:00Z'),
    );
    expect(map.features[0].geometry).toEqual({ type: 'Point', coordinates: [-1.5773, 53.8208] });
    expect(map.features[1].geometry).toBeNull();
    expect(map.features[1].properties).toMatchObject({ national: true, located: false });
    expect(map.schemeCount).toBe(2);
  });

  it('is byte-for-byte the same for the same schemes in any order, and its hash ignores the build time', () => {
    const a = row();
    const b = row({ id: '00000000-0000-4000-8000-000000000002' });
    const first = buildSnapshot([a, b], new Date('2026-11-26T07:00:00Z'));
    const second = buildSnapshot([b, a], new Date('2026-11-26T07:15:00Z'));
    expect(second.contentHash).toBe(first.contentHash);
    expect(JSON.parse(first.content)).toEqual(first.map);
    expect(buildSnapshot([row({ has_places: false })], new Date()).contentHash).not.toBe(
      buildSnapshot([a], new Date()).contentHash,
    );
  });

  it('publishes places as yes/no only', () => {
    const { content } = buildSnapshot([row()], new Date());
    expect(content).not.toMatch(/capacity|activeMentees|active_mentees|riskLevel|dbs/i);
  });
});

describe('Open Referral UK mapping', () => {
  it('derives stable, well-formed UUIDs', () => {
    const id = derivedId('a', 'service_area', 'Leeds');
    expect(id).toBe(derivedId('a', 'service_area', 'Leeds'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves unknown ages out rather than null, and adds a national service area', () => {
    const [feature] = buildSnapshot([row({ national: true })], new Date()).map.features;
    const service = toOrukService(feature);
    expect(service.minimum_age).toBe(18);
    expect('maximum_age' in service).toBe(false);
    expect((service.service_areas as { name: string }[]).map((area) => area.name)).toEqual([
      'Leeds',
      'National',
    ]);
  });

  it.each([
    [
      5,
      1,
      2,
      {
        total_items: 5,
        total_pages: 3,
        page_number: 1,
        size: 2,
        first_page: true,
        last_page: false,
        empty: false,
      },
    ],
    [
      5,
      3,
      2,
      {
        total_items: 5,
        total_pages: 3,
        page_number: 3,
        size: 1,
        first_page: false,
        last_page: true,
        empty: false,
      },
    ],
    [
      0,
      1,
      50,
      {
        total_items: 0,
        total_pages: 1,
        page_number: 1,
        size: 0,
        first_page: true,
        last_page: true,
        empty: true,
      },
    ],
    [
      3,
      9,
      2,
      {
        total_items: 3,
        total_pages: 2,
        page_number: 9,
        size: 0,
        first_page: false,
        last_page: true,
        empty: true,
      },
    ],
  ])('pages %i items, page %i of %i a page', (count, page, perPage, expected) => {
    const { contents, ...rest } = orukPage(
      Array.from({ length: count }, (_, i) => i),
      page,
      perPage,
    );
    expect(rest).toEqual(expected);
    expect(contents).toHaveLength(expected.size);
  });
});

describe('tileOrigin', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['/tiles/{z}/{x}/{y}.png', null],
  ])('%s → %s', (url, origin) => expect(tileOrigin(url)).toBe(origin));
});
