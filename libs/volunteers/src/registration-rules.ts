import { checkPasswordStrength, normaliseEmail } from '@app/auth';
import { DeliveryMode, DomainError, ErrorCode, FieldProblem, Gender, Pathway } from '@app/core';
import { toOutcode } from '@app/geo';
import { isLanguageCode } from '@app/core';

export const DEFAULT_TRAVEL_RADIUS_KM = 15;
export const TRAVEL_RADIUS_KM = { min: 1, max: 200 };
export const DEFAULT_MAX_MENTEES = 2;
export const MAX_MENTEES = { min: 1, max: 5 };
export const DISPLAY_NAME_MAX = 120;
export const MAX_LANGUAGES = 20;

/** What a mentor sends to register (RegisterMentorInput); nullable fields may come as null. */
export interface MentorApplication {
  email: string;
  password: string;
  displayName: string;
  postcode: string;
  gender: Gender;
  languages: string[];
  pathways: Pathway[];
  livedExperience: boolean;
  deliveryModes?: DeliveryMode[] | null;
  travelRadiusKm?: number | null;
  maxMentees?: number | null;
  organisationId?: string | null;
  consentToProcessing: boolean;
}

/** A checked application: normalised, defaults applied, and the postcode already cut to its outcode. */
export interface CheckedApplication {
  email: string;
  password: string;
  displayName: string;
  outcode: string;
  gender: Gender;
  languages: string[];
  pathways: Pathway[];
  livedExperience: boolean;
  deliveryModes: DeliveryMode[];
  travelRadiusKm: number;
  maxMentees: number;
  organisationId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks everything about a registration that needs no database, reporting every problem at once as
 * BAD_USER_INPUT with `fields` named as the client sent them (`input.languages`). The full postcode
 * goes no further than this function: only its outcode is returned.
 */
export function checkApplication(input: MentorApplication): CheckedApplication {
  const problems: FieldProblem[] = [];
  const field = <T>(check: () => T, fallback: T): T => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DomainError) || !error.details.fields) throw error;
      problems.push(...error.details.fields);
      return fallback;
    }
  };

  const email = field(() => normaliseEmail(input.email, 'input.email'), '');
  const emailForPassword = email || input.email.trim().toLowerCase();
  field(() => checkPasswordStrength(input.password, emailForPassword, 'input.password'), undefined);
  const checked: CheckedApplication = {
    email,
    password: input.password,
    displayName: field(() => displayName(input.displayName), ''),
    outcode: field(() => toOutcode(input.postcode, 'input.postcode'), ''),
    gender: input.gender,
    languages: field(() => languages(input.languages), []),
    pathways: [...new Set(input.pathways)],
    livedExperience: input.livedExperience,
    deliveryModes: field(() => deliveryModes(input.deliveryModes), []),
    travelRadiusKm: field(() => travelRadius(input.travelRadiusKm), 0),
    maxMentees: field(() => maxMentees(input.maxMentees), 0),
    organisationId: field(() => organisationId(input.organisationId), null),
  };
  if (input.consentToProcessing !== true) {
    problems.push({ field: 'input.consentToProcessing', message: 'must be true to apply' });
  }
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: problems });
  }
  return checked;
}

function displayName(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > DISPLAY_NAME_MAX) {
    throw DomainError.badInput('input.displayName', `must be 1 to ${DISPLAY_NAME_MAX} characters`);
  }
  return name;
}

/** ISO 639-1 codes in any case ("EN", " ur ") become lower-case and de-duplicated, in the given order. */
export function languages(values: string[]): string[] {
  const codes = [...new Set(values.map((v) => v.trim().toLowerCase()))];
  if (codes.length === 0)
    throw DomainError.badInput('input.languages', 'give at least one language');
  if (codes.length > MAX_LANGUAGES)
    throw DomainError.badInput('input.languages', `give at most ${MAX_LANGUAGES} languages`);
  const unknown = codes.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    throw DomainError.badInput(
      'input.languages',
      `not ISO 639-1 language codes: ${unknown.map((c) => JSON.stringify(c)).join(', ')}`,
    );
  }
  return codes;
}

function deliveryModes(values: DeliveryMode[] | null | undefined): DeliveryMode[] {
  if (values === null || values === undefined) return [DeliveryMode.IN_PERSON];
  if (values.length === 0)
    throw DomainError.badInput(
      'input.deliveryModes',
      'give at least one delivery mode, or leave it out',
    );
  return [...new Set(values)];
}

function travelRadius(value: number | null | undefined): number {
  if (value === null || value === undefined) return DEFAULT_TRAVEL_RADIUS_KM;
  if (!Number.isFinite(value) || value < TRAVEL_RADIUS_KM.min || value > TRAVEL_RADIUS_KM.max) {
    throw DomainError.badInput(
      'input.travelRadiusKm',
      `must be between ${TRAVEL_RADIUS_KM.min} and ${TRAVEL_RADIUS_KM.max} km`,
    );
  }
  return value;
}

function maxMentees(value: number | null | undefined): number {
  if (value === null || value === undefined) return DEFAULT_MAX_MENTEES;
  if (!Number.isInteger(value) || value < MAX_MENTEES.min || value > MAX_MENTEES.max) {
    throw DomainError.badInput(
      'input.maxMentees',
      `must be a whole number from ${MAX_MENTEES.min} to ${MAX_MENTEES.max}`,
    );
  }
  return value;
}

function organisationId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID.test(value)) throw DomainError.badInput('input.organisationId', 'no such organisation');
  return value.toLowerCase();
}
