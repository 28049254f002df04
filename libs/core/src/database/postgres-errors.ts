import { QueryFailedError } from 'typeorm';

function sqlState(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string } | undefined)?.code
    : undefined;
}

/**
 * PostgreSQL refused a row because a unique index already holds its key (SQLSTATE 23505): the
 * check-then-insert race two concurrent requests can run into, to be answered as CONFLICT.
 */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * PostgreSQL gave up on a transaction because another one changed the same rows at the same time
 * (deadlock 40P01, serialization failure 40001). Nothing of it was written; the same request sent
 * again will usually succeed, so it is the client's CONFLICT to retry, not a server fault.
 */
export function isConcurrencyFailure(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40P01' || state === '40001';
}
