import { LatLng } from '@app/core';
import { LocalAuthorityEntity, OutcodeEntity, PrisonEntity } from '@app/geo';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

export interface OutcodePlace {
  outcode: string;
  location: LatLng;
  localAuthorityCode: string | null;
}

export interface AuthorityPlace {
  gssCode: string;
  name: string;
  location: LatLng | null;
}

export interface PrisonPlace {
  code: string;
  name: string;
}

/**
 * Reference geography (outcodes, local authorities, prisons) for schemes and the search, cached in
 * memory once found: it changes only with a geo import, and a search then costs one query instead
 * of three. Misses are not cached, so a newly imported place is found at once.
 */
@Injectable()
export class PlaceDirectory {
  private readonly outcodes = new Map<string, OutcodePlace>();
  private readonly authorities = new Map<string, AuthorityPlace>();
  private readonly prisons = new Map<string, PrisonPlace>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async outcode(outcode: string): Promise<OutcodePlace | null> {
    const cached = this.outcodes.get(outcode);
    if (cached) return cached;
    const row = await this.dataSource.getRepository(OutcodeEntity).findOneBy({ outcode });
    if (!row) return null;
    const place = {
      outcode: row.outcode,
      location: row.location,
      localAuthorityCode: row.localAuthorityCode,
    };
    this.outcodes.set(outcode, place);
    return place;
  }

  async localAuthority(code: string): Promise<AuthorityPlace | null> {
    return (await this.localAuthorities([code])).get(code) ?? null;
  }

  /** The known ones among `codes`, by code. */
  async localAuthorities(codes: readonly string[]): Promise<Map<string, AuthorityPlace>> {
    const missing = codes.filter((code) => !this.authorities.has(code));
    if (missing.length > 0) {
      const rows = await this.dataSource
        .getRepository(LocalAuthorityEntity)
        .findBy({ gssCode: In(missing) });
      for (const row of rows)
        this.authorities.set(row.gssCode, {
          gssCode: row.gssCode,
          name: row.name,
          location: row.location,
        });
    }
    return pick(this.authorities, codes);
  }

  async prison(code: string): Promise<PrisonPlace | null> {
    return (await this.prisonsByCode([code])).get(code) ?? null;
  }

  /** The known ones among `codes`, by code. */
  async prisonsByCode(codes: readonly string[]): Promise<Map<string, PrisonPlace>> {
    const missing = codes.filter((code) => !this.prisons.has(code));
    if (missing.length > 0) {
      const rows = await this.dataSource.getRepository(PrisonEntity).findBy({ code: In(missing) });
      for (const row of rows)
        this.prisons.set(row.code, { code: row.code, name: prisonDisplayName(row.name) });
    }
    return pick(this.prisons, codes);
  }
}

function pick<V>(cache: Map<string, V>, codes: readonly string[]): Map<string, V> {
  const found = new Map<string, V>();
  for (const code of codes) {
    const value = cache.get(code);
    if (value) found.set(code, value);
  }
  return found;
}

/**
 * The register's "Leeds (HMP)" or "Manchester (HMP & YOI)" as people say it: "HMP Leeds",
 * "HMP Manchester"; other kinds follow the place ("Rainsbrook STC").
 */
export function prisonDisplayName(registerName: string): string {
  const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(registerName);
  if (!match) return registerName;
  const [, place, kinds] = match;
  const kind = kinds.split(/\s*[&;,]\s*/)[0];
  return kind === 'HMP' || kind === 'YOI' || kind === 'HMYOI'
    ? `${kind} ${place}`
    : `${place} ${kind}`;
}
