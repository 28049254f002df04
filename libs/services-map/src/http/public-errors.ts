import { DomainError, ErrorCode, fieldsFromValidationPipe } from '@app/core';
import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';

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

/**
 * On the public controllers: a validation error (the global pipe's, ParseUUIDPipe's) answered in
 * the same `{ error: { code, message, fields } }` shape as every other public error.
 */
@Catch(BadRequestException)
export class PublicBadRequestFilter implements ExceptionFilter {
  catch(exception: BadRequestException, host: ArgumentsHost): void {
    const body = exception.getResponse() as { error?: unknown; message?: unknown };
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (typeof body === 'object' && body && typeof body.error === 'object') {
      void reply.status(HttpStatus.BAD_REQUEST).send(body); // already a publicError
      return;
    }
    const fields = fieldsFromValidationPipe(body);
    const message = fields ? fields.map((field) => field.message).join('; ') : exception.message;
    void reply
      .status(HttpStatus.BAD_REQUEST)
      .send(
        publicError(
          HttpStatus.BAD_REQUEST,
          ErrorCode.BAD_USER_INPUT,
          message,
          fields,
        ).getResponse(),
      );
  }
}
