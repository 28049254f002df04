import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isConcurrencyFailure } from '../database/postgres-errors';
import { DomainError, FieldProblem } from './domain.error';
import { ErrorCode } from './error-code';

const HTTP_TO_CODE: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RATE_LIMITED,
};

/** Apollo's own codes for a document the server could not run: all the client's fault. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

interface Classified {
  code: ErrorCode;
  message: string;
  extra?: Record<string, unknown>;
}

/**
 * The fields a ValidationPipe error names: InputValidationPipe's `fields`, or else each message's
 * first word (`id must be a UUID`); undefined when the response is not one. Shared with the public
 * REST endpoints' error shape.
 */
export function fieldsFromValidationPipe(response: unknown): FieldProblem[] | undefined {
  const { message: messages, fields } = (response ?? {}) as { message?: unknown; fields?: unknown };
  // InputValidationPipe names each field; other pipes' messages start with the field's name.
  if (Array.isArray(fields)) return fields as FieldProblem[];
  if (!Array.isArray(messages)) return undefined;
  return messages.map((m: string) => ({ field: String(m).split(' ')[0], message: String(m) }));
}

/**
 * graphql-js quotes the whole invalid variable in its error (`Variable "$input" got invalid value
 * { personReference: "A1234BC", releasePostcode: "LS6 1AA", … }; Field "x" … was not provided.`), so
 * prison numbers, postcodes and notes would come back in the message. Only the variable, the path
 * and the reason (graphql-js's own error, `original`) are kept.
 */
function withoutVariableValue(message: string, original: unknown): string {
  const variable = /^(Variable "\$\w+") got invalid value /.exec(message)?.[1];
  if (!variable) return message;
  const reason = original instanceof Error ? original.message : '';
  if (!reason || !message.endsWith(`; ${reason}`)) return `${variable} got an invalid value`;
  const before = message.slice(0, message.length - reason.length - 2);
  // The path follows the value; a quote inside a quoted value is escaped, so this is only the path.
  const path = / at "([\w.[\]]+)"$/.exec(before)?.[1];
  return `${variable} got an invalid value${path ? ` at "${path}"` : ''}; ${reason}`;
}

function classify(original: unknown, formatted: GraphQLFormattedError): Classified {
  if (original instanceof DomainError) {
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(original.details)) if (value) extra[key] = value;
    return { code: original.code, message: original.message, extra };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code = HTTP_TO_CODE[status];
    if (code) {
      const fields = fieldsFromValidationPipe(original.getResponse());
      const message = fields ? fields.map((f) => f.message).join('; ') : original.message;
      return { code, message, extra: fields ? { fields } : undefined };
    }
  }
  if (isConcurrencyFailure(original)) {
    return {
      code: ErrorCode.CONFLICT,
      message: 'Someone changed the same records at the same moment; nothing was saved, try again',
    };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && APOLLO_INPUT_CODES.has(apolloCode)) {
    return {
      code: ErrorCode.BAD_USER_INPUT,
      message: withoutVariableValue(formatted.message, original),
    };
  }
  if (
    typeof apolloCode === 'string' &&
    apolloCode in ErrorCode &&
    apolloCode !== 'INTERNAL_SERVER_ERROR'
  ) {
    return { code: apolloCode as ErrorCode, message: formatted.message };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

/**
 * The one place library errors become the contract's `extensions.code`. Unknown errors are
 * reported as INTERNAL_SERVER_ERROR without details, in every environment (a deployment that
 * forgot NODE_ENV must not hand out stack traces); `onInternal` logs them with their stack.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { onInternal?: (error: unknown) => void } = {},
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const { code, message, extra } = classify(original, formatted);
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) options.onInternal?.(original);
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code, ...extra },
  };
}
