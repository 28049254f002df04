import { DeliveryMode, Gender, Pathway, RiskLevel } from '@app/core';

const RISK_ORDER = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH];
const ENGLISH = 'en';

/** What eligibility needs to know about a scheme, and how far its base is from the release outcode. */
export interface SchemeFacts {
  active: boolean;
  genders: Gender[];
  minAge: number | null;
  maxAge: number | null;
  maxRiskLevel: RiskLevel;
  pathways: Pathway[];
  languages: string[];
  deliveryModes: DeliveryMode[];
  national: boolean;
  coverageLocalAuthorities: string[];
  radiusKm: number | null;
  /** From the scheme's base to the release outcode's centre; null without a base. */
  distanceKm: number | null;
}

export interface PersonFacts {
  gender: Gender;
  age: number;
  riskLevel: RiskLevel;
  needs: Pathway[];
  languages: string[];
  releaseOutcode: string;
  releaseLocalAuthorityCode: string | null;
}

/**
 * The hard filters of domain.md ("Release-location matching") for one person and one scheme, the
 * same rules the service search applies in SQL. Returns every rule broken, in words a member of
 * prison staff understands; empty when the person is eligible.
 */
export function referralEligibility(scheme: SchemeFacts, person: PersonFacts): string[] {
  const reasons: string[] = [];
  if (!scheme.active) reasons.push('the scheme is not taking referrals (inactive)');
  if (scheme.genders.length > 0 && !scheme.genders.includes(person.gender)) {
    reasons.push(`the scheme serves ${scheme.genders.join(', ')} only (person: ${person.gender})`);
  }
  if (scheme.minAge !== null && person.age < scheme.minAge) {
    reasons.push(`the scheme serves people aged ${scheme.minAge} or over (person: ${person.age})`);
  }
  if (scheme.maxAge !== null && person.age > scheme.maxAge) {
    reasons.push(`the scheme serves people aged up to ${scheme.maxAge} (person: ${person.age})`);
  }
  if (RISK_ORDER.indexOf(person.riskLevel) > RISK_ORDER.indexOf(scheme.maxRiskLevel)) {
    reasons.push(
      `the scheme accepts risk up to ${scheme.maxRiskLevel} (person: ${person.riskLevel})`,
    );
  }
  if (!person.needs.some((need) => scheme.pathways.includes(need))) {
    reasons.push(`the scheme covers none of the needs (${person.needs.join(', ')})`);
  }
  const spoken = person.languages.map((language) => language.toLowerCase());
  if (
    spoken.length > 0 &&
    !spoken.includes(ENGLISH) &&
    !spoken.some((l) => scheme.languages.includes(l))
  ) {
    reasons.push(`the scheme offers no language the person speaks (${spoken.join(', ')})`);
  }
  if (!covers(scheme, person)) {
    reasons.push(`the scheme does not cover the release location ${person.releaseOutcode}`);
  }
  return reasons;
}

/** National, the local authority listed, or within the radius of the base for in-person schemes. */
export function covers(scheme: SchemeFacts, person: PersonFacts): boolean {
  if (scheme.national) return true;
  if (
    person.releaseLocalAuthorityCode &&
    scheme.coverageLocalAuthorities.includes(person.releaseLocalAuthorityCode)
  ) {
    return true;
  }
  return (
    scheme.deliveryModes.includes(DeliveryMode.IN_PERSON) &&
    scheme.radiusKm !== null &&
    scheme.distanceKm !== null &&
    scheme.distanceKm <= scheme.radiusKm
  );
}
