/**
 * The demo's organisations, prison staff, mentors and their vetting, schemes, referrals and matches
 * (`npm run seed:demo`). Every postcode, local authority and prison code below exists both in
 * ../shared/data and in the small fixture test/fixtures/geo, so the demo works with either.
 */

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

export const PRISON_STAFF: { prisonCode: DemoPrisonCode; prison: string }[] = [
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
  /** Checks the coordinator records; none leaves the mentor APPLIED. */
  vetting: DemoVetting;
}

export type DemoPrisonCode = 'LEI' | 'MRI' | 'STI' | 'BXI';

export interface DemoCheck {
  kind: 'DBS' | 'IDENTITY' | 'REFERENCE' | 'PRISON_SECURITY' | 'CONVICTION_RISK_ASSESSMENT';
  dbsLevel?: 'BASIC' | 'STANDARD' | 'ENHANCED';
  barredLists?: 'ADULTS'[];
  /** No outcome yet (the check stays REQUESTED). */
  pending?: boolean;
  /** A DBS certificate with information disclosed, followed by a conviction risk assessment. */
  disclosure?: boolean;
}

export interface DemoVetting {
  checks: DemoCheck[];
  /** Set APPROVED once the checks are in (they meet the organisation's baseline). */
  approve: boolean;
}

/** IDENTITY, two REFERENCEs and a DBS check at `dbsLevel`, then APPROVED. */
function cleared(
  dbsLevel: NonNullable<DemoCheck['dbsLevel']>,
  extra: { barredLists?: 'ADULTS'[]; prisonSecurity?: boolean; disclosure?: boolean } = {},
): DemoVetting {
  const checks: DemoCheck[] = [
    { kind: 'IDENTITY' },
    { kind: 'REFERENCE' },
    { kind: 'REFERENCE' },
    { kind: 'DBS', dbsLevel, barredLists: extra.barredLists, disclosure: extra.disclosure },
  ];
  if (extra.disclosure) checks.push({ kind: 'CONVICTION_RISK_ASSESSMENT' });
  if (extra.prisonSecurity) checks.push({ kind: 'PRISON_SECURITY' });
  return { checks, approve: true };
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
    vetting: cleared('STANDARD', { prisonSecurity: true }),
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
    vetting: cleared('STANDARD', { prisonSecurity: true, disclosure: true }),
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
    vetting: cleared('STANDARD', { prisonSecurity: true }),
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
    vetting: cleared('STANDARD'),
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
    vetting: cleared('ENHANCED', { barredLists: ['ADULTS'], prisonSecurity: true }),
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
    vetting: {
      // Still in vetting: identity and references in, the enhanced DBS check not back yet.
      checks: [
        { kind: 'IDENTITY' },
        { kind: 'REFERENCE' },
        { kind: 'REFERENCE' },
        { kind: 'DBS', dbsLevel: 'ENHANCED', barredLists: ['ADULTS'], pending: true },
      ],
      approve: false,
    },
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
    vetting: cleared('ENHANCED', { barredLists: ['ADULTS'] }),
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
    vetting: cleared('STANDARD', { prisonSecurity: true, disclosure: true }),
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
    vetting: cleared('STANDARD'),
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
    vetting: cleared('STANDARD'),
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
    vetting: { checks: [], approve: false },
  },
];

/** ONS GSS codes of the local authorities the demo's schemes cover. */
const LA = {
  leeds: 'E08000035',
  bradford: 'E08000032',
  manchester: 'E08000003',
  salford: 'E08000006',
  cheshireEast: 'E06000049',
  lambeth: 'E09000022',
  cardiff: 'W06000015',
};

/** A CreateSchemeInput without the organisation's id (the seed fills it in). */
export interface DemoScheme {
  organisation: DemoOrganisation['key'];
  name: string;
  description: string;
  pathways: string[];
  genders?: DemoMentor['gender'][];
  minAge?: number;
  maxAge?: number;
  maxRiskLevel: 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
  deliveryModes: string[];
  languages?: string[];
  postcode?: string;
  coverageLocalAuthorities?: string[];
  radiusKm?: number;
  national?: boolean;
  prisonsServed?: DemoPrisonCode[];
  requiredDbsLevel: NonNullable<DemoCheck['dbsLevel']>;
  requiredBarredLists?: 'ADULTS'[];
  capacity: number;
}

export const SCHEMES: DemoScheme[] = [
  {
    organisation: 'manchester',
    name: 'Styal Through the Gate',
    description:
      'Women mentors meet women at HMP & YOI Styal in the months before release and stay alongside them for the first year home.',
    pathways: ['ABUSE_DOMESTIC_VIOLENCE', 'ACCOMMODATION', 'HEALTH', 'CHILDREN_FAMILIES'],
    genders: ['FEMALE'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON', 'PHONE'],
    postcode: 'M14',
    coverageLocalAuthorities: [LA.manchester, LA.salford, LA.cheshireEast],
    prisonsServed: ['STI'],
    requiredDbsLevel: 'ENHANCED',
    requiredBarredLists: ['ADULTS'],
    capacity: 6,
  },
  {
    organisation: 'manchester',
    name: 'Women in Recovery Peer Mentoring',
    description:
      'Small peer-led recovery group in central Manchester for women leaving prison: one mentor, one place at a time.',
    pathways: ['DRUGS_ALCOHOL', 'SEX_WORK', 'HEALTH'],
    genders: ['FEMALE'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON'],
    postcode: 'M1',
    radiusKm: 10,
    requiredDbsLevel: 'STANDARD',
    capacity: 1,
  },
  {
    organisation: 'manchester',
    name: 'Salford Women into Work (Polish and English)',
    description:
      'Help with jobs, training, benefits and debt for women in Salford and Manchester, in Polish or English, in person or online.',
    pathways: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT', 'CHILDREN_FAMILIES'],
    genders: ['FEMALE'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON', 'ONLINE'],
    languages: ['en', 'pl'],
    postcode: 'M6',
    coverageLocalAuthorities: [LA.salford, LA.manchester],
    requiredDbsLevel: 'STANDARD',
    capacity: 8,
  },
  {
    organisation: 'leeds',
    name: 'Leeds Through the Gate',
    description:
      'Mentors with lived experience meet people at HMP Leeds before release and on the day, then help with housing, recovery and money.',
    pathways: [
      'ACCOMMODATION',
      'DRUGS_ALCOHOL',
      'ATTITUDES_THINKING_BEHAVIOUR',
      'FINANCE_BENEFIT_DEBT',
    ],
    maxRiskLevel: 'HIGH',
    deliveryModes: ['IN_PERSON', 'PHONE'],
    postcode: 'LS12',
    coverageLocalAuthorities: [LA.leeds, LA.bradford],
    prisonsServed: ['LEI'],
    requiredDbsLevel: 'STANDARD',
    capacity: 8,
  },
  {
    organisation: 'leeds',
    name: 'Fresh Start 18–25',
    description:
      'Young adults aged 18 to 25 leaving prison: education, work and a steady routine, within 15 km of Leeds city centre.',
    pathways: ['EDUCATION_TRAINING_EMPLOYMENT', 'ATTITUDES_THINKING_BEHAVIOUR', 'ACCOMMODATION'],
    minAge: 18,
    maxAge: 25,
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON'],
    postcode: 'LS1',
    radiusKm: 15,
    requiredDbsLevel: 'STANDARD',
    capacity: 5,
  },
  {
    organisation: 'leeds',
    name: 'Bradford Work and Money Mentors',
    description:
      'Jobs, training, benefits and debt advice in Bradford, in English, Punjabi or Urdu.',
    pathways: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON', 'PHONE'],
    languages: ['en', 'pa', 'ur'],
    postcode: 'BD1',
    coverageLocalAuthorities: [LA.bradford],
    requiredDbsLevel: 'BASIC',
    capacity: 6,
  },
  {
    organisation: 'leeds',
    name: 'West Yorkshire Phone Mentoring',
    description:
      'A weekly phone call for people released to Leeds or Bradford: health, family and money.',
    pathways: ['HEALTH', 'CHILDREN_FAMILIES', 'FINANCE_BENEFIT_DEBT'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['PHONE'],
    coverageLocalAuthorities: [LA.leeds, LA.bradford],
    requiredDbsLevel: 'BASIC',
    capacity: 10,
  },
  {
    organisation: 'faith',
    name: 'Open Door National Befriending',
    description:
      'Befriending by phone or video call wherever someone is released in England and Wales, from people of faith and none.',
    pathways: [
      'ATTITUDES_THINKING_BEHAVIOUR',
      'HEALTH',
      'CHILDREN_FAMILIES',
      'FINANCE_BENEFIT_DEBT',
    ],
    maxRiskLevel: 'HIGH',
    deliveryModes: ['PHONE', 'ONLINE'],
    national: true,
    requiredDbsLevel: 'STANDARD',
    capacity: 20,
  },
  {
    organisation: 'faith',
    name: 'Open Door Families Link',
    description:
      'Online support for mothers and fathers rebuilding contact with their children after prison, in English, Bengali or Yoruba.',
    pathways: ['CHILDREN_FAMILIES', 'ABUSE_DOMESTIC_VIOLENCE'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['ONLINE'],
    languages: ['en', 'bn', 'yo'],
    national: true,
    requiredDbsLevel: 'STANDARD',
    capacity: 8,
  },
  {
    organisation: 'faith',
    name: 'Brixton Through the Gate',
    description:
      'Men at HMP Brixton meet their mentor before release; then weekly meetings in Lambeth on work, training and thinking ahead.',
    pathways: ['ATTITUDES_THINKING_BEHAVIOUR', 'EDUCATION_TRAINING_EMPLOYMENT', 'ACCOMMODATION'],
    genders: ['MALE'],
    maxRiskLevel: 'HIGH',
    deliveryModes: ['IN_PERSON', 'PHONE'],
    postcode: 'SW2',
    radiusKm: 8,
    coverageLocalAuthorities: [LA.lambeth],
    prisonsServed: ['BXI'],
    requiredDbsLevel: 'STANDARD',
    capacity: 6,
  },
  {
    organisation: 'faith',
    name: 'Manchester Chaplaincy Link',
    description:
      'Chaplaincy volunteers meet men at HMP Manchester and link them to a welcoming community in Manchester or Salford.',
    pathways: ['ACCOMMODATION', 'ATTITUDES_THINKING_BEHAVIOUR', 'CHILDREN_FAMILIES'],
    genders: ['MALE'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON'],
    postcode: 'M3',
    radiusKm: 10,
    coverageLocalAuthorities: [LA.manchester, LA.salford],
    prisonsServed: ['MRI'],
    requiredDbsLevel: 'STANDARD',
    capacity: 4,
  },
  {
    organisation: 'faith',
    name: 'Mentora Cymraeg Caerdydd',
    description:
      'Welsh-speaking mentoring in Cardiff: a home, recovery and health, in Welsh or English, in person or online.',
    pathways: ['ACCOMMODATION', 'DRUGS_ALCOHOL', 'HEALTH', 'ATTITUDES_THINKING_BEHAVIOUR'],
    maxRiskLevel: 'MEDIUM',
    deliveryModes: ['IN_PERSON', 'ONLINE'],
    languages: ['cy', 'en'],
    postcode: 'CF24',
    coverageLocalAuthorities: [LA.cardiff],
    requiredDbsLevel: 'BASIC',
    capacity: 4,
  },
];

/**
 * Where a demo referral ends up: SENT (waiting), ACCEPTED, DECLINED (with the coordinator's reason)
 * or MATCHED (the top suggestion proposed and accepted by the mentor; `session` logs a first
 * session and START ratings).
 */
export type DemoReferralGoal =
  | { status: 'SENT' | 'ACCEPTED' }
  | { status: 'DECLINED'; reason: string }
  | {
      status: 'MATCHED';
      session?: { minutes: number; note: string; ratings: Record<string, number> };
    };

/** A referral from prison staff; made-up prison numbers, no names (none are ever stored). */
export interface DemoReferral {
  scheme: string;
  personReference: string;
  prisonCode: DemoPrisonCode;
  /** Days from the day of the first demo run. */
  releaseInDays: number;
  releasePostcode: string;
  needs: string[];
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH';
  gender: DemoMentor['gender'];
  age: number;
  languages?: string[];
  goal: DemoReferralGoal;
}

export const REFERRALS: DemoReferral[] = [
  {
    scheme: 'Leeds Through the Gate',
    personReference: 'A1001LD',
    prisonCode: 'LEI',
    releaseInDays: 12,
    releasePostcode: 'LS12',
    needs: ['ACCOMMODATION', 'DRUGS_ALCOHOL'],
    riskLevel: 'MEDIUM',
    gender: 'MALE',
    age: 34,
    goal: {
      status: 'MATCHED',
      session: {
        minutes: 60,
        note: 'First visit before release; planned the first week.',
        ratings: { ACCOMMODATION: 2, DRUGS_ALCOHOL: 3 },
      },
    },
  },
  {
    scheme: 'Fresh Start 18–25',
    personReference: 'A1002LD',
    prisonCode: 'LEI',
    releaseInDays: 21,
    releasePostcode: 'LS6',
    needs: ['EDUCATION_TRAINING_EMPLOYMENT', 'ATTITUDES_THINKING_BEHAVIOUR'],
    riskLevel: 'LOW',
    gender: 'MALE',
    age: 21,
    goal: { status: 'ACCEPTED' },
  },
  {
    scheme: 'Bradford Work and Money Mentors',
    personReference: 'A1003LD',
    prisonCode: 'LEI',
    releaseInDays: 28,
    releasePostcode: 'BD7',
    needs: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT'],
    riskLevel: 'LOW',
    gender: 'MALE',
    age: 40,
    languages: ['pa', 'en'],
    goal: { status: 'ACCEPTED' },
  },
  {
    scheme: 'Styal Through the Gate',
    personReference: 'A2001ST',
    prisonCode: 'STI',
    releaseInDays: 10,
    releasePostcode: 'M14',
    needs: ['ABUSE_DOMESTIC_VIOLENCE', 'ACCOMMODATION'],
    riskLevel: 'LOW',
    gender: 'FEMALE',
    age: 29,
    goal: { status: 'MATCHED' },
  },
  {
    // Takes the only place: the scheme shows as full on the map.
    scheme: 'Women in Recovery Peer Mentoring',
    personReference: 'A2002ST',
    prisonCode: 'STI',
    releaseInDays: 35,
    releasePostcode: 'M1',
    needs: ['DRUGS_ALCOHOL', 'HEALTH'],
    riskLevel: 'LOW',
    gender: 'FEMALE',
    age: 36,
    goal: { status: 'ACCEPTED' },
  },
  {
    scheme: 'Salford Women into Work (Polish and English)',
    personReference: 'A2003ST',
    prisonCode: 'STI',
    releaseInDays: 42,
    releasePostcode: 'M6',
    needs: ['EDUCATION_TRAINING_EMPLOYMENT', 'FINANCE_BENEFIT_DEBT'],
    riskLevel: 'LOW',
    gender: 'FEMALE',
    age: 31,
    languages: ['pl'],
    goal: { status: 'SENT' },
  },
  {
    scheme: 'Manchester Chaplaincy Link',
    personReference: 'A3001MR',
    prisonCode: 'MRI',
    releaseInDays: 20,
    releasePostcode: 'M7',
    needs: ['ACCOMMODATION', 'ATTITUDES_THINKING_BEHAVIOUR'],
    riskLevel: 'MEDIUM',
    gender: 'MALE',
    age: 45,
    goal: {
      status: 'DECLINED',
      reason:
        'No mentor is free in Salford before this release date; Open Door National Befriending can help by phone.',
    },
  },
  {
    scheme: 'Open Door National Befriending',
    personReference: 'A3002MR',
    prisonCode: 'MRI',
    releaseInDays: 25,
    releasePostcode: 'M5',
    needs: ['HEALTH', 'CHILDREN_FAMILIES'],
    riskLevel: 'MEDIUM',
    gender: 'MALE',
    age: 52,
    goal: { status: 'ACCEPTED' },
  },
  {
    scheme: 'Brixton Through the Gate',
    personReference: 'A4001BX',
    prisonCode: 'BXI',
    releaseInDays: 18,
    releasePostcode: 'SW9',
    needs: ['EDUCATION_TRAINING_EMPLOYMENT', 'ATTITUDES_THINKING_BEHAVIOUR'],
    riskLevel: 'MEDIUM',
    gender: 'MALE',
    age: 27,
    goal: { status: 'ACCEPTED' },
  },
];
