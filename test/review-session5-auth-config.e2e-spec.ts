import { validateEnvironment } from '@app/core/config/env.validation';

// Review: a reset link carries a token that signs its holder in. In production it must not be
// sent as a plain-http link to another host, where anyone on the way could read and use it.

describe('PASSWORD_RESET_URL in production (review)', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

  it.each(['http://app.example.org/reset-password', 'http://10.0.0.5/reset'])(
    'refuses the plain-http link %s',
    (url) => {
      expect(() => validateEnvironment({ ...production, PASSWORD_RESET_URL: url })).toThrow(
        'Invalid configuration: PASSWORD_RESET_URL must be an https:// URL in production',
      );
    },
  );

  it('accepts an https link in production, and http outside it', () => {
    expect(
      validateEnvironment({
        ...production,
        PASSWORD_RESET_URL: 'https://app.example.org/reset-password',
      }),
    ).toMatchObject({ PASSWORD_RESET_URL: 'https://app.example.org/reset-password' });
    expect(
      validateEnvironment({ PASSWORD_RESET_URL: 'http://app.example.org/reset-password' }),
    ).toMatchObject({ PASSWORD_RESET_URL: 'http://app.example.org/reset-password' });
  });
});
