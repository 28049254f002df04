import { checkPasswordStrength, normaliseEmail } from '@app/auth';
import { DeliveryMode, DomainError, Gender, Pathway } from '@app/core';
import {
  DEFAULT_MAX_MENTEES,
  DEFAULT_TRAVEL_RADIUS_KM,
  FieldProblems,
  checkDeliveryModes,
  checkDisplayName,
  checkLanguages,
  checkMaxMentees,
  checkPathways,
  checkPostcode,
  checkTravelRadius,
} from './profile-rules';

/** The limits live with the per-field rules (profile-rules.ts), shared with profile edits. */
export {
  DEFAULT_MAX_MENTEES,
  DEFAULT_TRAVEL_RADIUS_KM,
  DISPLAY_NAME_MAX,
  MAX_LANGUAGES,
  MAX_MENTEES,
  TRAVEL_RADIUS_KM,
} from './profile-rules';

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
  const problems = new FieldProblems();
  const field = <T>(check: () => T, fallback: T): T => problems.check(check, fallback);

  const email = field(() => normaliseEmail(input.email, 'input.email'), '');
  const emailForPassword = email || input.email.trim().toLowerCase();
  field(() => checkPasswordStrength(input.password, emailForPassword, 'input.password'), undefined);
  // Optional fields left out (or null) take their defaults; the rules are the profile edit's.
  const checked: CheckedApplication = {
    email,
    password: input.password,
    displayName: field(() => checkDisplayName(input.displayName), ''),
    outcode: field(() => checkPostcode(input.postcode), ''),
    gender: input.gender,
    languages: field(() => checkLanguages(input.languages), []),
    pathways: checkPathways(input.pathways),
    livedExperience: input.livedExperience,
    deliveryModes: field(
      () => checkDeliveryModes(input.deliveryModes ?? [DeliveryMode.IN_PERSON]),
      [],
    ),
    travelRadiusKm: field(
      () => checkTravelRadius(input.travelRadiusKm ?? DEFAULT_TRAVEL_RADIUS_KM),
      0,
    ),
    maxMentees: field(() => checkMaxMentees(input.maxMentees ?? DEFAULT_MAX_MENTEES), 0),
    organisationId: field(() => organisationId(input.organisationId), null),
  };
  if (input.consentToProcessing !== true) {
    problems.add('input.consentToProcessing', 'must be true to apply');
  }
  problems.throwIfAny();
  return checked;
}

function organisationId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID.test(value)) throw DomainError.badInput('input.organisationId', 'no such organisation');
  return value.toLowerCase();
}
