import { DeliveryMode, Gender, Pathway, RiskLevel } from '@app/core';
import {
  SCHEME_COVERAGE_INDEX,
  SCHEME_LOCATION_INDEX,
  SCHEME_NATIONAL_INDEX,
  ServiceSearchFilter,
  serviceSearchSql,
} from '@app/schemes';
import { DataSource } from 'typeorm';
import { TestApi } from './support/app';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The search statement must be answerable from the indexes: the GiST index on the scheme base
 * (ST_DWithin on geography), the GIN index on the coverage list and the partial national index.
 * The table is tiny here, so sequential scans are priced out for the session; a query the index
 * cannot serve then still shows no index, which is what makes the assertion meaningful.
 */
describe('the service search plan', () => {
  let api: TestApi;
  const leedsSearch: ServiceSearchFilter = {
    point: { latitude: 53.8185, longitude: -1.56623 },
    localAuthorityCode: 'E08000035',
    radiusKm: 40,
    needs: [Pathway.ACCOMMODATION, Pathway.EDUCATION_TRAINING_EMPLOYMENT],
    gender: Gender.FEMALE,
    age: 34,
    riskLevel: RiskLevel.MEDIUM,
    deliveryModes: [DeliveryMode.IN_PERSON],
    language: null,
    includeFull: false,
  };

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  async function planOf(text: string, values: unknown[]): Promise<PlanNode[]> {
    return api.app.get(DataSource).transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
      return nodes(row['QUERY PLAN'][0].Plan);
    });
  }

  it('uses the spatial, coverage and national indexes together (BitmapOr)', async () => {
    const { text, values } = serviceSearchSql(leedsSearch);
    const plan = await planOf(text, values);
    const indexes = plan.map((node) => node['Index Name']).filter(Boolean);
    expect(indexes).toEqual(
      expect.arrayContaining([SCHEME_LOCATION_INDEX, SCHEME_COVERAGE_INDEX, SCHEME_NATIONAL_INDEX]),
    );
    expect(plan.map((node) => node['Node Type'])).toContain('BitmapOr');
  });

  it('uses the spatial index when searching by a place without a local authority too', async () => {
    const { text, values } = serviceSearchSql({
      ...leedsSearch,
      localAuthorityCode: null,
      needs: [],
      gender: null,
      age: null,
      riskLevel: null,
      deliveryModes: [],
    });
    const indexes = (await planOf(text, values)).map((node) => node['Index Name']);
    expect(indexes).toContain(SCHEME_LOCATION_INDEX);
  });

  it('would notice a radius test the index cannot serve (the control)', async () => {
    const { text, values } = serviceSearchSql(leedsSearch);
    const unindexable = text.replace(
      /ST_DWithin\(s\.location, (ST_SetSRID\([^;]+?::geography), (\$\d+)::float8\)/,
      'ST_Distance(s.location, $1) <= $2::float8',
    );
    expect(unindexable).not.toEqual(text);
    const indexes = (await planOf(unindexable, values)).map((node) => node['Index Name']);
    expect(indexes).not.toContain(SCHEME_LOCATION_INDEX);
  });
});
