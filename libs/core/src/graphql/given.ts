import { ValidateIf } from 'class-validator';

/**
 * For update inputs: a field left out is not checked (it stays as it is), but one given, null
 * included, must pass the field's other rules. (`@IsOptional` would let null through, and a null
 * written to a NOT NULL column is an internal error instead of the client's BAD_USER_INPUT.)
 */
export const Given = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
