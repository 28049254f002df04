import {
  DeliveryMode,
  Gender,
  PATHWAY_WORDS,
  Pathway,
  RiskLevel,
  VolunteerStatus,
  addMonths,
} from '@app/core';

/** What the rules need to know about a mentor. */
export interface MentorFacts {
  status: VolunteerStatus;
  /** The mentor's user account is disabled: they cannot sign in to answer a proposal. */
  accountDisabled: boolean;
  gender: Gender;
  languages: string[];
  pathways: Pathway[];
  livedExperience: boolean;
  deliveryModes: DeliveryMode[];
  travelRadiusKm: number;
  maxMentees: number;
  activeMentees: number;
  /** ISO date the mentor first became ACTIVE, or null. */
  activeSince: string | null;
  /** Home outcode centre to the release outcode centre. */
  distanceKm: number;
  /** Clearance for the scheme on its clearanceDay: what is missing (empty when cleared). */
  clearanceMissing: string[];
}

/** What the rules need to know about the referral and its scheme. */
export interface PlacementFacts {
  needs: Pathway[];
  riskLevel: RiskLevel;
  languages: string[];
  schemeGenders: Gender[];
  schemeDeliveryModes: DeliveryMode[];
  /** The day asked (today), for the year of active service. */
  today: string;
}

/** One part of a suggestion's score: `points = value × weight`. */
export interface ScoreComponent {
  name: string;
  /** 0..1 */
  value: number;
  weight: number;
  points: number;
}

export interface MentorFit {
  /** Hard rules broken; empty when the mentor may be proposed. */
  exclusions: string[];
  score: number;
  components: ScoreComponent[];
  reasons: string[];
}

/** Ranking weights (policy choice of ours): needs expertise first, then distance and load. */
export const WEIGHTS = {
  needsExpertise: 40,
  distance: 20,
  load: 15,
  sharedLanguage: 15,
  livedExperience: 10,
} as const;

/** Why a disabled account is not matchable (the volunteer's own status is left as it is). */
export const ACCOUNT_DISABLED = 'account disabled: cannot sign in to answer';

/** Statuses a mentor may be proposed in. */
export const MATCHABLE: readonly VolunteerStatus[] = [
  VolunteerStatus.APPROVED,
  VolunteerStatus.ACTIVE,
];
const HIGH_RISK: readonly RiskLevel[] = [RiskLevel.HIGH, RiskLevel.VERY_HIGH];
/** Delivery modes that work at any distance. */
export const REMOTE_MODES: readonly DeliveryMode[] = [DeliveryMode.PHONE, DeliveryMode.ONLINE];
const ENGLISH = 'en';
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** A women's scheme serves women only: its mentors must be female too (domain.md). */
export function isWomensScheme(genders: readonly Gender[]): boolean {
  return genders.length > 0 && genders.every((gender) => gender === Gender.FEMALE);
}

/** Delivery modes the mentor and the scheme share that work at any distance. */
export function remoteModes(
  mentor: readonly DeliveryMode[],
  scheme: readonly DeliveryMode[],
): DeliveryMode[] {
  return REMOTE_MODES.filter((mode) => mentor.includes(mode) && scheme.includes(mode));
}

/**
 * For a HIGH or VERY_HIGH risk person, the latest day a mentor may have become ACTIVE (a year of
 * active service by `today`); null when any mentor may be.
 */
export function activeServiceSince(riskLevel: RiskLevel, today: string): string | null {
  return HIGH_RISK.includes(riskLevel) ? addMonths(today, -12) : null;
}

/** The languages of the person other than English: the ones a shared language is scored on. */
export function languagesToShare(languages: readonly string[]): string[] {
  return languages.filter((language) => language !== ENGLISH);
}

/**
 * The hard rules and the ranking of domain.md ("Mentor suggestions"), for one mentor and one
 * referral. Every exclusion and every score component is said in words.
 */
export function mentorFit(mentor: MentorFacts, placement: PlacementFacts): MentorFit {
  const exclusions: string[] = [];
  if (!MATCHABLE.includes(mentor.status)) exclusions.push(`status ${mentor.status}`);
  if (mentor.accountDisabled) exclusions.push(ACCOUNT_DISABLED);
  exclusions.push(...mentor.clearanceMissing.map((missing) => `not cleared in time: ${missing}`));
  if (mentor.activeMentees >= mentor.maxMentees) {
    exclusions.push(`no capacity (${mentor.activeMentees} of ${mentor.maxMentees} mentees)`);
  }
  const distanceKm = round(mentor.distanceKm, 1);
  const remote = remoteModes(mentor.deliveryModes, placement.schemeDeliveryModes);
  const withinReach =
    mentor.deliveryModes.includes(DeliveryMode.IN_PERSON) &&
    mentor.distanceKm <= mentor.travelRadiusKm;
  if (!withinReach && remote.length === 0) {
    exclusions.push(
      `lives ${distanceKm} km away (travels ${mentor.travelRadiusKm} km) and offers no remote mode the scheme uses`,
    );
  }
  if (isWomensScheme(placement.schemeGenders) && mentor.gender !== Gender.FEMALE) {
    exclusions.push("a women's scheme: female mentors only");
  }
  const serviceSince = activeServiceSince(placement.riskLevel, placement.today);
  if (serviceSince !== null && (!mentor.activeSince || mentor.activeSince > serviceSince)) {
    exclusions.push(`${placement.riskLevel} risk: needs a year of active service`);
  }

  const covered = placement.needs.filter((need) => mentor.pathways.includes(need));
  const spoken = languagesToShare(placement.languages);
  const shared = spoken.filter((language) => mentor.languages.includes(language));
  const values = {
    needsExpertise: placement.needs.length === 0 ? 0 : covered.length / placement.needs.length,
    distance: withinReach
      ? Math.max(0, 1 - mentor.distanceKm / Math.max(mentor.travelRadiusKm, 1))
      : 0,
    load: mentor.maxMentees > 0 ? 1 - mentor.activeMentees / mentor.maxMentees : 0,
    sharedLanguage: shared.length > 0 ? 1 : 0,
    livedExperience: mentor.livedExperience ? 1 : 0,
  };
  const components = (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((name) => ({
    name,
    value: round(values[name], 3),
    weight: WEIGHTS[name],
    points: round(values[name] * WEIGHTS[name]),
  }));
  const score = round(components.reduce((sum, component) => sum + component.points, 0));

  const reasons = [
    covered.length > 0
      ? `knows ${covered.length} of ${placement.needs.length} needs (${covered.map((need) => PATHWAY_WORDS[need]).join(', ')})`
      : 'knows none of the needs',
    withinReach
      ? `${distanceKm} km away (travels ${mentor.travelRadiusKm} km)`
      : `${distanceKm} km away: meets by ${remote.join(' or ')}`,
    `${mentor.activeMentees} of ${mentor.maxMentees} mentees`,
  ];
  if (shared.length > 0) reasons.push(`speaks ${shared.join(', ')}`);
  if (mentor.livedExperience) reasons.push('has lived experience');
  return { exclusions, score, components, reasons };
}
