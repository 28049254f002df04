import { Pathway } from './enums';

/** Each pathway in a few plain words, for reasons shown to prison staff and coordinators. */
export const PATHWAY_WORDS: Readonly<Record<Pathway, string>> = {
  [Pathway.ACCOMMODATION]: 'accommodation',
  [Pathway.EDUCATION_TRAINING_EMPLOYMENT]: 'work',
  [Pathway.HEALTH]: 'health',
  [Pathway.DRUGS_ALCOHOL]: 'drugs and alcohol',
  [Pathway.FINANCE_BENEFIT_DEBT]: 'money and debt',
  [Pathway.CHILDREN_FAMILIES]: 'family',
  [Pathway.ATTITUDES_THINKING_BEHAVIOUR]: 'thinking and behaviour',
  [Pathway.ABUSE_DOMESTIC_VIOLENCE]: 'abuse and domestic violence',
  [Pathway.SEX_WORK]: 'sex work',
};
