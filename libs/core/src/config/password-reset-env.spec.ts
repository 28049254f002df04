import { validateEnvironment } from './env.validation';

describe('password reset configuration', () => {
  it('has safe defaults', () => {
    expect(validateEnvironment({})).toMatchObject({
      PASSWORD_RESETS_PER_EMAIL_PER_HOUR: 5,
      PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: 20,
      PASSWORD_RESET_TOKEN_TTL_MINUTES: 60,
      PASSWORD_RESET_URL: 'http://localhost:3000/reset-password',
    });
  });

  it('reads numbers from strings', () => {
    expect(
      validateEnvironment({
        PASSWORD_RESETS_PER_EMAIL_PER_HOUR: '2',
        PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: '7',
        PASSWORD_RESET_TOKEN_TTL_MINUTES: '30',
        PASSWORD_RESET_URL: 'https://app.example.org/account/reset',
      }),
    ).toMatchObject({
      PASSWORD_RESETS_PER_EMAIL_PER_HOUR: 2,
      PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: 7,
      PASSWORD_RESET_TOKEN_TTL_MINUTES: 30,
      PASSWORD_RESET_URL: 'https://app.example.org/account/reset',
    });
  });

  it.each([
    [
      { PASSWORD_RESETS_PER_EMAIL_PER_HOUR: '0' },
      'Invalid configuration: PASSWORD_RESETS_PER_EMAIL_PER_HOUR must not be less than 1',
    ],
    [
      { PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: 'many' },
      'Invalid configuration: PASSWORD_RESETS_PER_ADDRESS_PER_HOUR must be an integer number',
    ],
    [
      { PASSWORD_RESET_TOKEN_TTL_MINUTES: '2000' },
      'Invalid configuration: PASSWORD_RESET_TOKEN_TTL_MINUTES must not be greater than 1440',
    ],
    [
      { PASSWORD_RESET_URL: 'app.example.org/reset' },
      'Invalid configuration: PASSWORD_RESET_URL must be an http(s):// URL without a query or fragment',
    ],
    [
      { PASSWORD_RESET_URL: 'https://app.example.org/reset?x=1' },
      'Invalid configuration: PASSWORD_RESET_URL must be an http(s):// URL without a query or fragment',
    ],
  ])('stops on %o', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(message);
  });
});
