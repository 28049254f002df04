import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

/**
 * class-validator on every argument (unknown fields refused), its problems naming the field as the
 * client sent it, `input.name` rather than `name`, like every other BAD_USER_INPUT. The error stays
 * the ValidationPipe's own, so REST controllers answer it as before.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // A named argument (`input`) prefixes its fields; an @ArgsType's fields are arguments themselves.
      if (!(error instanceof BadRequestException) || !metadata.data) throw error;
      const response = error.getResponse() as { message?: unknown };
      if (!Array.isArray(response.message)) throw error;
      throw new BadRequestException({
        ...response,
        message: response.message.map((message) => `${metadata.data}.${String(message)}`),
      });
    }
  }
}
