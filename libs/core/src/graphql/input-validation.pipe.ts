import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';

/** One problem with one field, named by its path as the client sent it (`input.name`). */
interface FieldProblem {
  field: string;
  message: string;
}

/**
 * class-validator on every argument (unknown fields refused), its problems naming the field as the
 * client sent it, `input.name` rather than `name`, like every other BAD_USER_INPUT. The error stays
 * the ValidationPipe's own (`message` a list of strings), so REST controllers answer it as before;
 * `fields` carries each problem's path, taken from the validator rather than from the message's
 * first word ("each value in pathways…", "All pathways's elements…" start with no field name).
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => problemsException(errors.flatMap((e) => problems(e, ''))),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // A named argument (`input`) prefixes its fields; an @ArgsType's fields are arguments themselves.
      if (!(error instanceof BadRequestException) || !metadata.data) throw error;
      const response = error.getResponse() as { fields?: FieldProblem[] };
      if (!Array.isArray(response.fields)) throw error;
      throw problemsException(
        response.fields.map(({ field, message }) => ({
          field: `${metadata.data}.${field}`,
          message: message.startsWith(`${field} `)
            ? `${metadata.data}.${message}`
            : `${metadata.data}.${field}: ${message}`,
        })),
      );
    }
  }
}

function problemsException(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => f.message),
    fields,
  });
}

/** What a null sent for a field that has a value, but cannot be cleared, is told. */
export const CANNOT_BE_CLEARED = 'cannot be cleared; leave it out to keep it';

/**
 * Every failed constraint of a property and of its nested properties, with their paths. A null
 * that reaches a field's rules (`@Given` on update inputs: left out keeps the value, null is
 * checked) is one problem, not one per rule ("must be an array", "each value in…").
 */
function problems(error: ValidationError, parent: string): FieldProblem[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  if (error.value === null && error.constraints)
    return [{ field, message: `${field} ${CANNOT_BE_CLEARED}` }];
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    message: message.startsWith(`${error.property} `)
      ? `${field}${message.slice(error.property.length)}`
      : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => problems(child, field))];
}
