/** How the page names the enums (also used to build its filter options). */
export const PATHWAY_WORDS: Record<string, string> = {
  ACCOMMODATION: 'Accommodation',
  EDUCATION_TRAINING_EMPLOYMENT: 'Education, training and employment',
  HEALTH: 'Health',
  DRUGS_ALCOHOL: 'Drugs and alcohol',
  FINANCE_BENEFIT_DEBT: 'Finance, benefits and debt',
  CHILDREN_FAMILIES: 'Children and families',
  ATTITUDES_THINKING_BEHAVIOUR: 'Attitudes, thinking and behaviour',
  ABUSE_DOMESTIC_VIOLENCE: 'Abuse and domestic violence',
  SEX_WORK: 'Sex work',
};

export const GENDER_WORDS: Record<string, string> = {
  FEMALE: 'Women',
  MALE: 'Men',
  NON_BINARY: 'Non-binary people',
};

export const MODE_WORDS: Record<string, string> = {
  IN_PERSON: 'in person',
  PHONE: 'by phone',
  ONLINE: 'online',
};
