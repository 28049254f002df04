import { DeliveryMode, DomainError, Gender, Pathway } from '@app/core';
import { ProfileChanges, checkProfileChanges } from './profile-rules';

function problems(input: ProfileChanges): string[] {
  try {
    checkProfileChanges(input);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT')
      return (error.details.fields ?? []).map((p) => p.field);
    throw error;
  }
  return [];
}

describe('checking a profile edit', () => {
  it('returns only the fields sent, normalised, with the postcode cut to its outcode', () => {
    const checked = checkProfileChanges({
      displayName: '  Sam   M ',
      postcode: 'ls6 1aa',
      languages: ['EN', ' ur ', 'en'],
      pathways: [Pathway.HEALTH, Pathway.HEALTH],
      livedExperience: false,
    });
    expect(checked).toEqual({
      displayName: 'Sam M',
      outcode: 'LS6',
      languages: ['en', 'ur'],
      pathways: [Pathway.HEALTH],
      livedExperience: false,
    });
    expect(JSON.stringify(checked)).not.toMatch(/1AA/i);
  });

  it.each([
    [{ gender: Gender.MALE }],
    [{ deliveryModes: [DeliveryMode.PHONE, DeliveryMode.PHONE] }],
    [{ travelRadiusKm: 1 }],
    [{ travelRadiusKm: 200 }],
    [{ maxMentees: 1 }],
    [{ maxMentees: 5 }],
    [{ pathways: [] }],
    [{ postcode: 'M14' }],
  ] as ProfileChanges[][])('accepts %j', (input) => {
    expect(problems(input)).toEqual([]);
  });

  it.each([
    ['input.displayName', { displayName: '  ' }],
    ['input.displayName', { displayName: 'x'.repeat(121) }],
    ['input.postcode', { postcode: 'LS6 1A' }],
    ['input.languages', { languages: [] }],
    ['input.languages', { languages: ['english'] }],
    ['input.deliveryModes', { deliveryModes: [] }],
    ['input.travelRadiusKm', { travelRadiusKm: 0 }],
    ['input.travelRadiusKm', { travelRadiusKm: 200.5 }],
    ['input.maxMentees', { maxMentees: 0 }],
    ['input.maxMentees', { maxMentees: 6 }],
    ['input.maxMentees', { maxMentees: 2.5 }],
    ['input', {}],
    ['input', { displayName: undefined }],
  ] as [string, ProfileChanges][])('names %s for %j', (field, input) => {
    expect(problems(input)).toEqual([field]);
  });

  it.each([
    'displayName',
    'postcode',
    'gender',
    'languages',
    'pathways',
    'livedExperience',
    'deliveryModes',
    'travelRadiusKm',
    'maxMentees',
  ])('refuses an explicit null for %s', (field) => {
    expect(problems({ [field]: null })).toEqual([`input.${field}`]);
  });

  it('reports every problem at once and never echoes the postcode', () => {
    try {
      checkProfileChanges({ postcode: 'LS6 1Q', maxMentees: 9, languages: null });
      throw new Error('accepted');
    } catch (error) {
      const fields = (error as DomainError).details.fields ?? [];
      expect(fields.map((p) => p.field).sort()).toEqual([
        'input.languages',
        'input.maxMentees',
        'input.postcode',
      ]);
      expect(JSON.stringify(fields) + (error as Error).message).not.toContain('LS6');
    }
  });
});
