import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError } from './domain.error';

/**
 * A DomainError is the client's mistake, answered by formatGraphQLError: in a resolver it is handed
 * back to GraphQL as it is. Without this Nest's default handler logs every one at error level with
 * its message, and messages may quote what the client sent (a referral's risk level, its needs).
 * Elsewhere (HTTP controllers) Nest's own handling is unchanged.
 */
@Catch(DomainError)
export class DomainErrorFilter extends BaseExceptionFilter {
  override catch(exception: DomainError, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
