import { DomainError } from '@app/core';
import * as argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const COMMON = ['password', 'qwerty', '123456', 'letmein', 'welcome', 'iloveyou', 'admin'];

/** Length first (NCSC guidance favours long passphrases over composition rules), then the obvious. */
export function checkPasswordStrength(password: string, email: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw DomainError.badInput(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw DomainError.badInput(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (new Set(lower).size < 4 || COMMON.some((word) => lower.includes(word))) {
    throw DomainError.badInput(field, 'is too easy to guess; use a longer passphrase');
  }
  if (local.length >= 4 && lower.includes(local)) {
    throw DomainError.badInput(field, 'must not contain your email address');
  }
}

/** argon2id with the library's defaults (OWASP's recommended memory-hard parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

/** Lets a login for an unknown email take as long as a real one, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
}

/** A syntactically valid email, lower-cased for storage and lookup. */
export function normaliseEmail(email: string, field = 'email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw DomainError.badInput(field, 'must be a valid email address');
  }
  return value;
}
