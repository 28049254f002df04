import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min, isUUID } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../errors/domain.error';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Keyset position: the (createdAt, id) of the last row seen, opaque to clients. */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: KeysetCursor): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; BAD_USER_INPUT on `after` for anything encodeCursor did not make. */
export function decodeCursor(cursor: string | null | undefined): KeysetCursor | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  // encodeCursor writes years 0001-9999 only; others ("+275760-…", "0000-…") PostgreSQL cannot hold.
  const year = createdAt.getUTCFullYear();
  if (!id || !isUUID(id) || Number.isNaN(createdAt.getTime()) || year < 1 || year > 9999) {
    throw DomainError.badInput('after', 'not a valid cursor');
  }
  return { createdAt, id };
}

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a page from `first + 1` rows fetched after the cursor (the extra row tells hasNextPage). */
export function toPage<R extends KeysetCursor, T>(
  rows: R[],
  first: number,
  totalCount: number,
  map: (row: R) => T,
): Page<T> {
  const visible = rows.slice(0, first);
  const edges = visible.map((row) => ({ node: map(row), cursor: encodeCursor(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** A GraphQL connection type (`edges { cursor node }`, `pageInfo`, `totalCount`) for a node type. */
export function Connection<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

/** `first` and `after` of a connection query; a list's own filters extend it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}

/**
 * One oldest-first keyset page of `base` (`first + 1` rows after the cursor, for hasNextPage) and
 * its total. Cursors carry milliseconds (JavaScript dates) while PostgreSQL keeps microseconds:
 * ordering and comparing on the truncated time keeps a page boundary from repeating a row.
 */
export async function oldestFirstPage<T extends ObjectLiteral>(
  base: SelectQueryBuilder<T>,
  after: KeysetCursor | null,
  first: number,
): Promise<{ rows: T[]; totalCount: number }> {
  const alias = base.alias;
  const created = `date_trunc('milliseconds', ${alias}.created_at)`;
  const rows = base
    .clone()
    .orderBy(created, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(first + 1);
  if (after) {
    rows.andWhere(`(${created}, ${alias}.id) > (:afterCreatedAt, :afterId)`, {
      afterCreatedAt: after.createdAt,
      afterId: after.id,
    });
  }
  const [found, totalCount] = await Promise.all([rows.getMany(), base.getCount()]);
  return { rows: found, totalCount };
}
