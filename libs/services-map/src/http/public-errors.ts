import { DomainError, ErrorCode } from '@app/core';
import { HttpException, HttpStatus } from '@nestjs/common';

/** The JSON error body of the public HTTP endpoints: `{ error: { code, message } }`. */
export function publicError(
  status: HttpStatus,
  code: string,
  message: string,
  fields?: unknown,
): HttpException {
  return new HttpException({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

/** A DomainError as the public endpoints answer it (bad input 400, not found 404). */
export function fromDomainError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const status =
    error.code === ErrorCode.BAD_USER_INPUT
      ? HttpStatus.BAD_REQUEST
      : error.code === ErrorCode.NOT_FOUND
        ? HttpStatus.NOT_FOUND
        : HttpStatus.UNPROCESSABLE_ENTITY;
  return publicError(status, error.code, error.message, error.details.fields);
}
