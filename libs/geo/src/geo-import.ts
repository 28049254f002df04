import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';

/** The files of ../shared/data this reads (see its README for columns and licences). */
export const GEO_FILES = {
  localAuthorities: 'local_authorities/uk_local_authorities_current.csv',
  outcodes: 'outcodes/uk_outcode_centroids.csv',
  outcodeAuthorities: 'outcodes/outcode_to_local_authority_approx.csv',
  prisons: 'prisons/prisons_england_wales.csv',
};

type Row = Record<string, string>;

function readCsv(dir: string, file: string): Row[] {
  return parse(readFileSync(join(dir, file)), { columns: true, skip_empty_lines: true, bom: true });
}

const number = (value: string | undefined): number | null =>
  value === undefined || value.trim() === '' ? null : Number(value);

/** Upserts rows in chunks with ON CONFLICT, so running the import twice changes nothing. */
async function upsert(manager: EntityManager, table: string, columns: string[], rows: unknown[][], key: string, pointColumn: number): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = row.map((value, index) => {
        if (index === pointColumn) {
          const [lng, lat] = value as [number | null, number | null];
          if (lng === null || lat === null) return 'NULL';
          params.push(lng, lat);
          return `ST_SetSRID(ST_MakePoint($${params.length - 1}, $${params.length}), 4326)::geography`;
        }
        params.push(value);
        return `$${params.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    const updates = columns.filter((c) => c !== key).map((c) => `${c} = EXCLUDED.${c}`);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`,
      params,
    );
  }
}

export interface GeoImportResult {
  localAuthorities: number;
  outcodes: number;
  outcodesByNearestAuthority: number;
  prisons: number;
}

/**
 * Imports local authorities, outcodes (with their local authority) and prisons from `dir`, in one
 * transaction. An outcode's authority comes from the approximate name join where it matched a
 * lower-tier or unitary authority, otherwise from the nearest authority centroid.
 */
export async function importGeography(dataSource: DataSource, dir: string): Promise<GeoImportResult> {
  const authorities = readCsv(dir, GEO_FILES.localAuthorities).filter((r) => r.lower_or_unitary === 'true');
  const authorityCodes = new Set(authorities.map((r) => r.gss_code));
  const outcodeAuthority = new Map(
    readCsv(dir, GEO_FILES.outcodeAuthorities)
      .filter((r) => (r.match_status === 'matched' || r.match_status === 'matched_via_successor') && authorityCodes.has(r.gss_code))
      .map((r) => [r.outcode, r.gss_code]),
  );
  const outcodes = readCsv(dir, GEO_FILES.outcodes).filter(
    (r) => r.in_use !== 'false' && number(r.latitude) !== null && /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(r.outcode),
  );
  const prisons = readCsv(dir, GEO_FILES.prisons);
  const seenPrisons = new Set<string>();

  return dataSource.transaction(async (manager) => {
    await upsert(
      manager,
      'local_authorities',
      ['gss_code', 'name', 'region', 'nation', 'lower_or_unitary', 'location'],
      authorities.map((r) => [r.gss_code, r.name, r.region || r.nation, r.nation, true, [number(r.longitude), number(r.latitude)]]),
      'gss_code',
      5,
    );
    await upsert(
      manager,
      'outcodes',
      ['outcode', 'local_authority_code', 'location'],
      outcodes.map((r) => [r.outcode, outcodeAuthority.get(r.outcode) ?? null, [number(r.longitude), number(r.latitude)]]),
      'outcode',
      2,
    );
    const nearest: { count: string }[] = await manager.query(
      `WITH filled AS (
         UPDATE outcodes o SET local_authority_code = (
           SELECT la.gss_code FROM local_authorities la
           WHERE la.location IS NOT NULL AND la.lower_or_unitary
           ORDER BY la.location <-> o.location LIMIT 1)
         WHERE o.local_authority_code IS NULL RETURNING 1)
       SELECT count(*)::text AS count FROM filled`,
    );
    // Hatfield (HDI) has a row per site: the first one is the prison's location.
    const prisonRows = prisons
      .filter((r) => !seenPrisons.has(r.prison_id) && seenPrisons.add(r.prison_id))
      .map((r) => [
        r.prison_id,
        r.name,
        r.active === 'true',
        r.male === 'true',
        r.female === 'true',
        r.outcode || null,
        [number(r.postcode_lng), number(r.postcode_lat)],
      ]);
    await upsert(manager, 'prisons', ['code', 'name', 'active', 'male', 'female', 'outcode', 'location'], prisonRows, 'code', 6);
    return {
      localAuthorities: authorities.length,
      outcodes: outcodes.length,
      outcodesByNearestAuthority: Number(nearest[0]?.count ?? 0),
      prisons: prisonRows.length,
    };
  });
}
