import { registerEnumType } from '@nestjs/graphql';

// The contract's shared vocabulary. Values are stored as these strings in PostgreSQL.

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  MENTOR = 'MENTOR',
  PRISON_STAFF = 'PRISON_STAFF',
}

/** HMPPS resettlement pathways; the last two are the additional pathways for women. */
export enum Pathway {
  ACCOMMODATION = 'ACCOMMODATION',
  EDUCATION_TRAINING_EMPLOYMENT = 'EDUCATION_TRAINING_EMPLOYMENT',
  HEALTH = 'HEALTH',
  DRUGS_ALCOHOL = 'DRUGS_ALCOHOL',
  FINANCE_BENEFIT_DEBT = 'FINANCE_BENEFIT_DEBT',
  CHILDREN_FAMILIES = 'CHILDREN_FAMILIES',
  ATTITUDES_THINKING_BEHAVIOUR = 'ATTITUDES_THINKING_BEHAVIOUR',
  ABUSE_DOMESTIC_VIOLENCE = 'ABUSE_DOMESTIC_VIOLENCE',
  SEX_WORK = 'SEX_WORK',
}

/** Risk of serious harm (OASys), in increasing order. */
export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  VERY_HIGH = 'VERY_HIGH',
}

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  NON_BINARY = 'NON_BINARY',
  NOT_STATED = 'NOT_STATED',
}

export enum DeliveryMode {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
}

export enum OrganisationSpecialism {
  WOMEN = 'WOMEN',
  BME = 'BME',
  FAITH = 'FAITH',
  YOUNG_PEOPLE = 'YOUNG_PEOPLE',
  FAMILIES = 'FAMILIES',
  LIVED_EXPERIENCE_LED = 'LIVED_EXPERIENCE_LED',
  SOCIAL_ENTERPRISE = 'SOCIAL_ENTERPRISE',
  SMALL_LOCAL = 'SMALL_LOCAL',
}

export enum VolunteerStatus {
  APPLIED = 'APPLIED',
  VETTING = 'VETTING',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
}

export enum DbsLevel {
  BASIC = 'BASIC',
  STANDARD = 'STANDARD',
  ENHANCED = 'ENHANCED',
}

export enum BarredList {
  ADULTS = 'ADULTS',
  CHILDREN = 'CHILDREN',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(Pathway, {
  name: 'Pathway',
  description: 'HMPPS resettlement pathways; the last two are the additional pathways for women.',
});
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Risk of serious harm, as assessed by probation (OASys).',
});
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(OrganisationSpecialism, { name: 'OrganisationSpecialism' });
registerEnumType(VolunteerStatus, { name: 'VolunteerStatus' });
registerEnumType(DbsLevel, { name: 'DbsLevel' });
registerEnumType(BarredList, { name: 'BarredList' });
