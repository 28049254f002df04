import { DomainError } from '@app/core';

/** Outcode (postcode district) formats: A9, A99, AA9, AA99, A9A, AA9A. */
const OUTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
/** Inward code: digit and two letters (never C, I, K, M, O, V). */
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;

/**
 * Reduces a UK postcode in any case and spacing ("ls61aa", "LS6 1AA") or a bare outcode ("ls6")
 * to its outcode ("LS6"). Anything else is BAD_USER_INPUT on `field`. The full postcode is never
 * returned, so callers cannot store it by accident.
 */
export function toOutcode(postcode: string, field = 'postcode'): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  if (OUTCODE.test(compact)) return compact;
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  if (compact.length >= 5 && compact.length <= 7 && OUTCODE.test(outward) && INWARD.test(inward)) {
    return outward;
  }
  throw DomainError.badInput(field, 'is not a UK postcode');
}
