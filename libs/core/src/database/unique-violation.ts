import { QueryFailedError } from 'typeorm';

/**
 * PostgreSQL refused a row because a unique index already holds its key (SQLSTATE 23505): the
 * check-then-insert race two concurrent requests can run into, to be answered as CONFLICT.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
