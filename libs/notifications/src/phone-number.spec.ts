import { ukMobileE164 } from './phone-number';

describe('ukMobileE164', () => {
  it.each([
    ['07400 123456', '+447400123456'],
    ['07400123456', '+447400123456'],
    ['+44 7400 123456', '+447400123456'],
    ['+44 (0)7400-123457', '+447400123457'],
    ['  0044 7534 567890 ', '+447534567890'],
    ['07911 123456', '+447911123456'],
  ])('accepts %s as %s', (input, expected) => {
    expect(ukMobileE164(input)).toBe(expected);
  });

  it.each([
    ['a landline', '0113 496 0000'],
    ['a freephone number', '0800 123 4567'],
    ['a personal number', '07000 123456'],
    ['a drama number', '07700 900123'],
    ['a French mobile', '+33 6 12 34 56 78'],
    ['too short', '07400 1234'],
    ['words', 'call me'],
    ['nothing', ''],
  ])('refuses %s', (_what, input) => {
    expect(ukMobileE164(input)).toBeNull();
  });
});
