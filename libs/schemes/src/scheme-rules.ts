import {
  BarredList,
  DbsLevel,
  DeliveryMode,
  DomainError,
  Gender,
  Pathway,
  RiskLevel,
  normaliseLanguage,
} from '@app/core';

/** A scheme as it will be once created or updated, before its codes are checked against the geo tables. */
export interface SchemeDraft {
  name: string;
  description: string;
  pathways: Pathway[];
  genders: Gender[];
  minAge: number | null;
  maxAge: number | null;
  maxRiskLevel: RiskLevel;
  deliveryModes: DeliveryMode[];
  languages: string[];
  postcode: string | null;
  coverageLocalAuthorities: string[];
  radiusKm: number | null;
  national: boolean;
  prisonsServed: string[];
  requiredDbsLevel: DbsLevel;
  requiredBarredLists: BarredList[];
  capacity: number;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
const code = (value: string): string => value.trim().toUpperCase();

/** Only phone or online: covers only the local authorities it lists (domain.md). */
export function isRemoteOnly(deliveryModes: readonly DeliveryMode[]): boolean {
  return !deliveryModes.includes(DeliveryMode.IN_PERSON);
}

/**
 * Normalises codes and languages and checks the rules that need no database; the first broken rule
 * is BAD_USER_INPUT naming the field (`input.radiusKm`). Returns the normalised draft.
 */
export function checkSchemeDraft(draft: SchemeDraft): SchemeDraft {
  const languages: string[] = [];
  for (const given of draft.languages) {
    const language = normaliseLanguage(given);
    if (!language)
      throw DomainError.badInput('input.languages', `${given} is not an ISO 639-1 language code`);
    languages.push(language);
  }
  const scheme: SchemeDraft = {
    ...draft,
    name: draft.name.trim(),
    description: draft.description.trim(),
    languages: unique(languages),
    postcode: draft.postcode?.trim() ? draft.postcode.trim() : null,
    coverageLocalAuthorities: unique(draft.coverageLocalAuthorities.map(code)),
    prisonsServed: unique(draft.prisonsServed.map(code)),
  };
  if (scheme.name.length < 2)
    throw DomainError.badInput('input.name', 'must be at least 2 characters');
  // Required on create (String!), optional on update; either way never stored blank.
  if (scheme.description.length === 0)
    throw DomainError.badInput('input.description', 'must not be empty or only spaces');
  if (scheme.pathways.length === 0)
    throw DomainError.badInput('input.pathways', 'needs at least one pathway');
  if (scheme.deliveryModes.length === 0) {
    throw DomainError.badInput('input.deliveryModes', 'needs at least one delivery mode');
  }
  if (scheme.minAge !== null && scheme.maxAge !== null && scheme.minAge > scheme.maxAge) {
    throw DomainError.badInput('input.maxAge', `must not be below minAge (${scheme.minAge})`);
  }
  if (scheme.capacity < 0) throw DomainError.badInput('input.capacity', 'must not be negative');
  if (scheme.requiredBarredLists.length > 0 && scheme.requiredDbsLevel !== DbsLevel.ENHANCED) {
    throw DomainError.badInput(
      'input.requiredBarredLists',
      'barred lists are checked only with an ENHANCED DBS check',
    );
  }
  if (scheme.radiusKm !== null && !scheme.postcode) {
    throw DomainError.badInput('input.radiusKm', 'needs a postcode to measure from');
  }
  if (!scheme.national) {
    if (isRemoteOnly(scheme.deliveryModes) && scheme.coverageLocalAuthorities.length === 0) {
      throw DomainError.badInput(
        'input.coverageLocalAuthorities',
        'a phone or online scheme covers only the local authorities it lists: list them, or make it national',
      );
    }
    if (
      scheme.coverageLocalAuthorities.length === 0 &&
      !(scheme.postcode && scheme.radiusKm !== null)
    ) {
      throw DomainError.badInput(
        'input.coverageLocalAuthorities',
        'a scheme that is not national needs coverageLocalAuthorities, or a postcode with radiusKm',
      );
    }
  }
  return scheme;
}
