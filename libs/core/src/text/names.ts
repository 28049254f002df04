import { DomainError } from '../errors/domain.error';

/**
 * Spaces and invisible format characters (zero-width space and joiners, byte-order mark, bidi
 * marks) at either end: a name of only those would show as blank.
 */
const BLANK_ENDS = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;
const CONTROL_OR_BROKEN = /[\p{Cc}\p{Cs}]/u;

/**
 * A name as it is kept and searched for: composed (NFC), trimmed of spaces and invisible
 * characters, one space between words, so names that look the same are the same text.
 */
export function plainName(raw: string): string {
  return raw.normalize('NFC').replace(BLANK_ENDS, '').replace(/\s+/g, ' ');
}

/**
 * `plainName`, refusing control characters and lone surrogates (stored as "�") and any length
 * outside min..max, with BAD_USER_INPUT naming `field`.
 */
export function checkName(raw: string, field: string, min: number, max: number): string {
  const name = plainName(raw);
  if (CONTROL_OR_BROKEN.test(name))
    throw DomainError.badInput(
      field,
      'must not contain control characters or broken (lone surrogate) characters',
    );
  if (name.length < min || name.length > max) {
    throw DomainError.badInput(
      field,
      `must be ${min} to ${max} characters, not counting spaces at either end`,
    );
  }
  return name;
}
