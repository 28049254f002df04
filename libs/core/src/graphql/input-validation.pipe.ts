import { ArgumentMetadata, HttpException, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '../errors/domain.error';
import { ErrorCode } from '../errors/error-code';

/**
 * class-validator on every argument (unknown fields refused), its problems reported as the
 * client sent the field, `input.name` rather than `name`, like every other BAD_USER_INPUT.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const messages =
        error instanceof HttpException
          ? (error.getResponse() as { message?: unknown }).message
          : undefined;
      if (!Array.isArray(messages)) throw error;
      // A named argument (`input`) prefixes its fields; an @ArgsType's fields are arguments themselves.
      const prefix = metadata.data ? `${metadata.data}.` : '';
      const fields: FieldProblem[] = messages.map((message: string) => ({
        field: prefix + String(message).split(' ')[0],
        message: String(message),
      }));
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        fields.map((field) => field.message).join('; '),
        { fields },
      );
    }
  }
}
