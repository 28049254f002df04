import { OrganisationSpecialism } from '@app/core';
import {
  RankQuery,
  ServiceSearchRow,
  rankServices,
  serviceSearchSql,
  toCandidate,
  wantedSpecialisms,
} from '@app/schemes';
import { DataSource, EntityManager } from 'typeorm';
import { places, searches, seedSchemes } from '../bench/search';
import { TestApi } from './support/app';

/**
 * The search statement scores and orders the candidates itself and returns only the best `first`;
 * the API then explains those rows with rankOne. Both must agree to the last bit, or the cut would
 * keep other schemes than the TypeScript ranking: over a thousand generated schemes and hundreds of
 * searches, every row's SQL score equals rankOne's and the SQL order equals rankServices' order.
 * Everything runs in a transaction that is rolled back, so other test files never see the schemes.
 */
describe('the search statement ranks exactly as rankServices', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('gives the same scores and order for every candidate of 300 searches', async () => {
    const rollback = new Error('rollback');
    await api.app
      .get(DataSource)
      .transaction(async (manager: EntityManager) => {
        // seedSchemes runs plain statements; VACUUM cannot run in a transaction and is not needed.
        const db = {
          query: (text: string, values?: unknown[]) =>
            /^(VACUUM|ANALYZE)/.test(text) ? Promise.resolve([]) : manager.query(text, values),
        } as unknown as DataSource;
        const all = await places(db);
        const organisations: string[] = (
          await manager.query(
            `INSERT INTO organisations (name, specialisms)
             SELECT 'Ranking organisation ' || n,
               CASE n % 4 WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['WOMEN'] WHEN 2 THEN ARRAY['YOUNG_PEOPLE', 'FAITH']
                 ELSE ARRAY['BME', 'WOMEN', 'SMALL_LOCAL'] END
             FROM generate_series(1, 40) n RETURNING id`,
          )
        ).map((row: { id: string }) => row.id);
        // Many schemes in few places, so that equal scores and distances are common.
        const crowded = all.filter((place) => /^(LS|BD|M|SK)\d/.test(place.outcode)).slice(0, 60);
        await seedSchemes(db, 0, 1500, crowded, organisations);

        const prisons = [null, 'LEI', 'MRI', 'STI'];
        const preferred: OrganisationSpecialism[][] = [
          [],
          [OrganisationSpecialism.FAITH],
          [OrganisationSpecialism.BME, OrganisationSpecialism.SMALL_LOCAL],
        ];
        let compared = 0;
        for (const [i, search] of searches(crowded).slice(0, 300).entries()) {
          const filter = {
            ...search.filter,
            includeFull: i % 3 === 0,
            radiusKm: [40, 10, 0.5][i % 3],
            age: i % 5 === 0 ? 20 : search.filter.age,
          };
          const query: RankQuery = {
            outcode: 'XX1',
            localAuthority: filter.localAuthorityCode
              ? { code: filter.localAuthorityCode, name: 'the authority' }
              : null,
            prison: prisons[i % 4] ? { code: prisons[i % 4]!, name: 'the prison' } : null,
            radiusKm: filter.radiusKm,
            needs: filter.needs,
            gender: filter.gender,
            age: filter.age,
            riskLevel: filter.riskLevel,
            language: filter.language,
            preferredSpecialisms: preferred[i % 3],
          };
          const { text, values } = serviceSearchSql(filter, {
            prisonCode: query.prison?.code ?? null,
            wantedSpecialisms: [...wantedSpecialisms(query)],
            first: null,
          });
          const rows: ServiceSearchRow[] = await manager.query(text, values);
          const ranked = rankServices(rows.map(toCandidate), query, rows.length);
          expect(rows.map((row) => [row.id, row.score])).toEqual(
            ranked.map((match) => [match.candidate.id, match.score]),
          );
          compared += rows.length;
        }
        expect(compared).toBeGreaterThan(10_000);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  });
});
