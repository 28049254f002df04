import { ErrorCode } from './error-code';

/** A field that failed validation, named as the client sent it (e.g. `input.postcode`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What every library throws for a rule the client broke. The GraphQL layer maps it once to
 * `extensions.code` (and `fields`, `missing` where given); its message is shown as is.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; missing?: string[]; reasons?: string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, {
      fields: [{ field, message }],
    });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do that'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }

  static unauthenticated(message = 'Sign in first'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
}
