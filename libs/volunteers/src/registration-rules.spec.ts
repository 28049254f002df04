import { DeliveryMode, DomainError, Gender, Pathway } from '@app/core';
import { MentorApplication, checkApplication } from './registration-rules';

const valid: MentorApplication = {
  email: '  Sam.Mentor@Example.org ',
  password: 'a long and memorable passphrase',
  displayName: '  Sam   M ',
  postcode: 'ls6 1aa',
  gender: Gender.FEMALE,
  languages: ['EN', ' ur ', 'en'],
  pathways: [Pathway.HEALTH, Pathway.HEALTH, Pathway.ACCOMMODATION],
  livedExperience: true,
  consentToProcessing: true,
};

function problems(input: Partial<MentorApplication>): { field: string; message: string }[] {
  try {
    checkApplication({ ...valid, ...input });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT')
      return error.details.fields ?? [];
    throw error;
  }
  return [];
}

describe('checking a mentor application', () => {
  it('normalises and applies defaults, keeping only the outcode', () => {
    const checked = checkApplication(valid);
    expect(checked).toEqual({
      email: 'sam.mentor@example.org',
      password: valid.password,
      displayName: 'Sam M',
      outcode: 'LS6',
      gender: Gender.FEMALE,
      languages: ['en', 'ur'],
      pathways: [Pathway.HEALTH, Pathway.ACCOMMODATION],
      livedExperience: true,
      deliveryModes: [DeliveryMode.IN_PERSON],
      travelRadiusKm: 15,
      maxMentees: 2,
      organisationId: null,
    });
    expect(JSON.stringify(checked)).not.toMatch(/1AA/i);
  });

  it.each([
    ['a bare outcode', { postcode: 'M14' }],
    [
      'nulls for optional fields',
      { deliveryModes: null, travelRadiusKm: null, maxMentees: null, organisationId: null },
    ],
    ['the edges of the ranges', { travelRadiusKm: 1, maxMentees: 5 }],
    ['the other edges', { travelRadiusKm: 200, maxMentees: 1 }],
    ['a 120-character name', { displayName: 'x'.repeat(120) }],
    ['several delivery modes', { deliveryModes: [DeliveryMode.PHONE, DeliveryMode.ONLINE] }],
    ['no pathways yet', { pathways: [] }],
    ['an organisation id', { organisationId: '5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70' }],
  ])('accepts %s', (_name, input) => {
    expect(problems(input)).toEqual([]);
  });

  it.each([
    ['input.email', { email: 'not-an-email' }],
    ['input.password', { password: 'short' }],
    ['input.password', { password: 'password password password' }],
    ['input.displayName', { displayName: '   ' }],
    ['input.displayName', { displayName: 'x'.repeat(121) }],
    ['input.postcode', { postcode: 'LS6 1A' }],
    ['input.postcode', { postcode: 'not a postcode' }],
    ['input.postcode', { postcode: '12345' }],
    ['input.languages', { languages: [] }],
    ['input.languages', { languages: ['english'] }],
    ['input.languages', { languages: ['en', 'xx'] }],
    ['input.languages', { languages: ['en-GB'] }],
    ['input.deliveryModes', { deliveryModes: [] }],
    ['input.travelRadiusKm', { travelRadiusKm: 0 }],
    ['input.travelRadiusKm', { travelRadiusKm: 200.5 }],
    ['input.travelRadiusKm', { travelRadiusKm: Number.NaN }],
    ['input.maxMentees', { maxMentees: 0 }],
    ['input.maxMentees', { maxMentees: 6 }],
    ['input.organisationId', { organisationId: 'org-1' }],
    ['input.consentToProcessing', { consentToProcessing: false }],
  ] as [string, Partial<MentorApplication>][])('names %s for %j', (field, input) => {
    expect(problems(input).map((p) => p.field)).toEqual([field]);
  });

  it('reports every problem at once', () => {
    const found = problems({
      email: 'nope',
      maxMentees: 9,
      consentToProcessing: false,
      languages: ['zz'],
    });
    expect(found.map((p) => p.field).sort()).toEqual([
      'input.consentToProcessing',
      'input.email',
      'input.languages',
      'input.maxMentees',
    ]);
  });

  it('never echoes the postcode in an error', () => {
    expect(JSON.stringify(problems({ postcode: 'LS6 1Q' }))).not.toContain('LS6');
  });
});
