/** The demo's organisations, prison staff and mentors (`npm run seed:demo`). */

export interface DemoOrganisation {
  key: 'manchester' | 'leeds' | 'faith';
  name: string;
  specialisms: string[];
  about: string;
}

export const ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'manchester',
    name: "Manchester Women's Resettlement Network",
    specialisms: ['WOMEN', 'SMALL_LOCAL'],
    about: 'women-led, meets women at HMP Styal',
  },
  {
    key: 'leeds',
    name: 'Leeds Second Chances Collective',
    specialisms: ['LIVED_EXPERIENCE_LED', 'SMALL_LOCAL'],
    about: 'led by people with lived experience, West Yorkshire',
  },
  {
    key: 'faith',
    name: 'Open Door Faith Mentoring',
    specialisms: ['FAITH', 'BME', 'FAMILIES'],
    about: 'national faith-based network',
  },
];

export const PRISON_STAFF = [
  { prisonCode: 'LEI', prison: 'HMP Leeds' },
  { prisonCode: 'MRI', prison: 'HMP Manchester' },
  { prisonCode: 'STI', prison: 'HMP & YOI Styal' },
  { prisonCode: 'BXI', prison: 'HMP Brixton' },
];

export interface DemoMentor {
  displayName: string;
  organisation: DemoOrganisation['key'];
  postcode: string;
  place: string;
  gender: 'FEMALE' | 'MALE' | 'NON_BINARY' | 'NOT_STATED';
  languages: string[];
  pathways: string[];
  livedExperience: boolean;
  deliveryModes: string[];
  travelRadiusKm: number;
  maxMentees: number;
}

// Outcodes only (the platform keeps no more than that); all are in the small test fixture too.
// Languages are ISO 639-1 codes.
export const MENTORS: DemoMentor[] = [
  {
    displayName: 'Amina Hussain',
    organisation: 'leeds',
    postcode: 'LS6',
    place: 'Leeds',
    gender: 'FEMALE',
    languages: ['en', 'ur'],
    pathways: ['CHILDREN_FAMILIES', 'FINANCE_BENEFIT_DEBT'],
    livedExperience: false,
    deliveryModes: ['IN_PERSON', 'PHONE'],
    travelRadiusKm: 15,
    maxMentees: 2,
  },
  {
    displayName: 'Dean Walsh',
    organisation: 'leeds',
    postcode: 'LS12',
    place: 'Leeds',
    gender: 'MALE',
    languages: ['en'],
    pathways: ['DRUGS_ALCOHOL', 'ACCOMMODATION', 'ATTITUDES_THINKING_BEHAVIOUR'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON'],
    travelRadiusKm: 20,
    maxMentees: 3,
  },
  {
    displayName: 'Tariq Mahmood',
    organisation: 'leeds',
    postcode: 'BD7',
    place: 'Bradford',
    gender: 'MALE',
    languages: ['en', 'pa', 'ur'],
    pathways: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON', 'PHONE'],
    travelRadiusKm: 25,
    maxMentees: 2,
  },
  {
    displayName: 'Grace Okafor',
    organisation: 'faith',
    postcode: 'BD1',
    place: 'Bradford',
    gender: 'FEMALE',
    languages: ['en', 'yo'],
    pathways: ['HEALTH', 'CHILDREN_FAMILIES'],
    livedExperience: false,
    deliveryModes: ['IN_PERSON', 'ONLINE'],
    travelRadiusKm: 20,
    maxMentees: 2,
  },
  {
    displayName: 'Siobhan Kelly',
    organisation: 'manchester',
    postcode: 'M14',
    place: 'Manchester',
    gender: 'FEMALE',
    languages: ['en'],
    pathways: ['ABUSE_DOMESTIC_VIOLENCE', 'ACCOMMODATION', 'HEALTH'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON', 'PHONE'],
    travelRadiusKm: 25,
    maxMentees: 2,
  },
  {
    displayName: 'Joy Mensah',
    organisation: 'manchester',
    postcode: 'M1',
    place: 'Manchester',
    gender: 'FEMALE',
    languages: ['en', 'tw'],
    pathways: ['SEX_WORK', 'DRUGS_ALCOHOL', 'HEALTH'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON'],
    travelRadiusKm: 15,
    maxMentees: 1,
  },
  {
    displayName: 'Kasia Nowak',
    organisation: 'manchester',
    postcode: 'M6',
    place: 'Salford',
    gender: 'FEMALE',
    languages: ['en', 'pl'],
    pathways: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT', 'CHILDREN_FAMILIES'],
    livedExperience: false,
    deliveryModes: ['IN_PERSON', 'ONLINE'],
    travelRadiusKm: 30,
    maxMentees: 3,
  },
  {
    displayName: 'Marcus Campbell',
    organisation: 'faith',
    postcode: 'SW2',
    place: 'Brixton, London',
    gender: 'MALE',
    languages: ['en'],
    pathways: ['ATTITUDES_THINKING_BEHAVIOUR', 'EDUCATION_TRAINING_EMPLOYMENT'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON', 'PHONE'],
    travelRadiusKm: 10,
    maxMentees: 2,
  },
  {
    displayName: 'Fatima Begum',
    organisation: 'faith',
    postcode: 'SE11',
    place: 'Kennington, London',
    gender: 'FEMALE',
    languages: ['en', 'bn'],
    pathways: ['CHILDREN_FAMILIES', 'ABUSE_DOMESTIC_VIOLENCE'],
    livedExperience: false,
    deliveryModes: ['PHONE', 'ONLINE'],
    travelRadiusKm: 10,
    maxMentees: 2,
  },
  {
    displayName: 'Rhys Davies',
    organisation: 'faith',
    postcode: 'CF24',
    place: 'Cardiff',
    gender: 'MALE',
    languages: ['en', 'cy'],
    pathways: ['ACCOMMODATION', 'DRUGS_ALCOHOL'],
    livedExperience: true,
    deliveryModes: ['IN_PERSON'],
    travelRadiusKm: 20,
    maxMentees: 2,
  },
  {
    displayName: 'Alex Morgan',
    organisation: 'faith',
    postcode: 'CF10',
    place: 'Cardiff',
    gender: 'NON_BINARY',
    languages: ['en', 'cy'],
    pathways: ['HEALTH', 'ATTITUDES_THINKING_BEHAVIOUR'],
    livedExperience: false,
    deliveryModes: ['PHONE', 'ONLINE'],
    travelRadiusKm: 15,
    maxMentees: 2,
  },
];
