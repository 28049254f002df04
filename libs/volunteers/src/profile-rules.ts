import {
  DeliveryMode,
  DomainError,
  checkName,
  ErrorCode,
  FieldProblem,
  Gender,
  Pathway,
  isLanguageCode,
} from '@app/core';
import { toOutcode } from '@app/geo';

export const DEFAULT_TRAVEL_RADIUS_KM = 15;
export const TRAVEL_RADIUS_KM = { min: 1, max: 200 };
export const DEFAULT_MAX_MENTEES = 2;
export const MAX_MENTEES = { min: 1, max: 5 };
export const DISPLAY_NAME_MAX = 120;
export const MAX_LANGUAGES = 20;

/*
 * The rules for each field of a mentor's profile, shared by registration (registration-rules.ts)
 * and profile edits (checkProfileChanges below), so a field has the same limits and messages
 * whichever way it is set. Each throws BAD_USER_INPUT naming `input.<field>`, or returns the value
 * normalised.
 */

/** How much of an unknown value an error message quotes back. */
const QUOTED_MAX = 12;
const QUOTED_VALUES_MAX = 3;

/** Kept as a plain name (core's `plainName`: composed, trimmed, one space between words). */
export function checkDisplayName(value: string): string {
  return checkName(value, 'input.displayName', 1, DISPLAY_NAME_MAX);
}

/** The outcode of a postcode (or of a bare outcode); the full postcode goes no further. */
export function checkPostcode(value: string): string {
  return toOutcode(value, 'input.postcode');
}

/** ISO 639-1 codes in any case ("EN", " ur ") become lower-case and de-duplicated, in the given order. */
export function checkLanguages(values: string[]): string[] {
  const codes = [...new Set(values.map((v) => v.trim().toLowerCase()))];
  if (codes.length === 0)
    throw DomainError.badInput('input.languages', 'give at least one language');
  if (codes.length > MAX_LANGUAGES)
    throw DomainError.badInput('input.languages', `give at most ${MAX_LANGUAGES} languages`);
  const unknown = codes.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    // Quoted short: the message must not hand back (or carry into logs) whatever size was sent.
    const quoted = unknown
      .slice(0, QUOTED_VALUES_MAX)
      .map((c) => JSON.stringify(c.length > QUOTED_MAX ? `${c.slice(0, QUOTED_MAX)}…` : c));
    const more =
      unknown.length > QUOTED_VALUES_MAX ? ` and ${unknown.length - QUOTED_VALUES_MAX} more` : '';
    throw DomainError.badInput(
      'input.languages',
      `not ISO 639-1 language codes: ${quoted.join(', ')}${more}`,
    );
  }
  return codes;
}

/** De-duplicated, in the given order; none is allowed (a mentor may not have chosen yet). */
export function checkPathways(values: Pathway[]): Pathway[] {
  return [...new Set(values)];
}

export function checkDeliveryModes(values: DeliveryMode[]): DeliveryMode[] {
  if (values.length === 0)
    throw DomainError.badInput(
      'input.deliveryModes',
      'give at least one delivery mode, or leave it out',
    );
  return [...new Set(values)];
}

export function checkTravelRadius(value: number): number {
  if (!Number.isFinite(value) || value < TRAVEL_RADIUS_KM.min || value > TRAVEL_RADIUS_KM.max) {
    throw DomainError.badInput(
      'input.travelRadiusKm',
      `must be between ${TRAVEL_RADIUS_KM.min} and ${TRAVEL_RADIUS_KM.max} km`,
    );
  }
  return value;
}

export function checkMaxMentees(value: number): number {
  if (!Number.isInteger(value) || value < MAX_MENTEES.min || value > MAX_MENTEES.max) {
    throw DomainError.badInput(
      'input.maxMentees',
      `must be a whole number from ${MAX_MENTEES.min} to ${MAX_MENTEES.max}`,
    );
  }
  return value;
}

/**
 * Runs several field checks, keeping every problem: `check` returns the checked value (or the
 * fallback when it failed), `throwIfAny` then reports all problems at once as one BAD_USER_INPUT
 * with `fields`.
 */
export class FieldProblems {
  private readonly problems: FieldProblem[] = [];

  check<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof DomainError) || !error.details.fields) throw error;
      this.problems.push(...error.details.fields);
      return fallback;
    }
  }

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const message = this.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: this.problems });
  }
}

/** What a profile edit may send (UpdateVolunteerProfileInput): any field, left out to keep it. */
export interface ProfileChanges {
  displayName?: string | null;
  postcode?: string | null;
  gender?: Gender | null;
  languages?: string[] | null;
  pathways?: Pathway[] | null;
  livedExperience?: boolean | null;
  deliveryModes?: DeliveryMode[] | null;
  travelRadiusKm?: number | null;
  maxMentees?: number | null;
}

/** The fields a profile edit may change, as the client names them. */
export type ProfileField = keyof ProfileChanges;

/** Checked changes: only the fields sent, normalised, and the postcode already cut to its outcode. */
export interface CheckedProfileChanges {
  displayName?: string;
  outcode?: string;
  gender?: Gender;
  languages?: string[];
  pathways?: Pathway[];
  livedExperience?: boolean;
  deliveryModes?: DeliveryMode[];
  travelRadiusKm?: number;
  maxMentees?: number;
}

type Rules = {
  [F in ProfileField]: (value: NonNullable<ProfileChanges[F]>) => unknown;
};

/** Each editable field's rule; gender, livedExperience and pathways' values are typed by GraphQL. */
const EDIT_RULES: Rules = {
  displayName: checkDisplayName,
  postcode: checkPostcode,
  gender: (value) => value,
  languages: checkLanguages,
  pathways: checkPathways,
  livedExperience: (value) => value,
  deliveryModes: checkDeliveryModes,
  travelRadiusKm: checkTravelRadius,
  maxMentees: checkMaxMentees,
};

export const PROFILE_FIELDS = Object.keys(EDIT_RULES) as ProfileField[];

/**
 * Checks a profile edit with the registration rules, reporting every problem at once as
 * BAD_USER_INPUT naming `input.<field>`. A field left out stays as it is; every profile field is
 * required, so an explicit null is refused; so is an edit that sends nothing. The full postcode
 * goes no further than this function: only its outcode is returned.
 */
export function checkProfileChanges(input: ProfileChanges): CheckedProfileChanges {
  const problems = new FieldProblems();
  const checked: Record<string, unknown> = {};
  let given = 0;
  for (const field of PROFILE_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    given += 1;
    if (value === null) {
      problems.add(`input.${field}`, 'cannot be cleared; leave it out to keep it');
      continue;
    }
    const rule = EDIT_RULES[field] as (value: unknown) => unknown;
    const result = problems.check(() => rule(value), undefined);
    if (result !== undefined) checked[field === 'postcode' ? 'outcode' : field] = result;
  }
  if (given === 0) problems.add('input', 'give at least one field to change');
  problems.throwIfAny();
  return checked as CheckedProfileChanges;
}
