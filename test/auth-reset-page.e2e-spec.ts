import { validateEnvironment } from '@app/core/config/env.validation';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TestApi } from './support/app';
import { CHROMIUM, browseApi } from './support/browser';
import { TestSmtpServer, eventually, startSmtpServer } from './support/notifications';
import type { OwnStack } from './support/own-stack';

// GET /reset-password, the page a reset email links to, fetched and used as a browser does: the
// page and its script over HTTP, the GraphQL call the script makes, and the page in a real headless
// Chromium. The API and the worker run in this process with a real SMTP server; the links come from
// the emails that arrive there. PASSWORD_RESET_URL is not set, so the links follow PORT.

jest.setTimeout(120_000);

const PORT = '4567';
const INVALID_LINK = 'This reset link is invalid or has expired';
const SUCCESS = 'Your password has been changed; sign in with it.';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';

describe('PASSWORD_RESET_URL default', () => {
  it('follows PORT when not set', () => {
    expect(validateEnvironment({ PORT: '4000' }).PASSWORD_RESET_URL).toBe(
      'http://localhost:4000/reset-password',
    );
    expect(validateEnvironment({}).PASSWORD_RESET_URL).toBe('http://localhost:3000/reset-password');
    expect(validateEnvironment({ PORT: '4000', PASSWORD_RESET_URL: '' }).PASSWORD_RESET_URL).toBe(
      'http://localhost:4000/reset-password',
    );
  });

  it('keeps a URL that is set, and the default passes the production https rule (localhost)', () => {
    expect(
      validateEnvironment({ PORT: '4000', PASSWORD_RESET_URL: 'https://app.example.org/reset' })
        .PASSWORD_RESET_URL,
    ).toBe('https://app.example.org/reset');
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), PORT: '8080' };
    expect(validateEnvironment(production).PASSWORD_RESET_URL).toBe(
      'http://localhost:8080/reset-password',
    );
    expect(() =>
      validateEnvironment({ ...production, PASSWORD_RESET_URL: 'http://app.example.org/reset' }),
    ).toThrow('Invalid configuration: PASSWORD_RESET_URL must be an https:// URL in production');
  });
});

describe('the password reset page', () => {
  let stack: OwnStack;
  let api: TestApi;
  let smtp: TestSmtpServer;
  let f: typeof import('./support/factories');
  let page: typeof import('@app/auth/http/reset-password-page');

  const resetMails = (email: string) =>
    smtp.to(email).filter((mail) => mail.subject === 'Reset your Resettle Match password');

  /** Asks for a link and returns the token of the email that arrives; the link follows PORT. */
  async function requestToken(email: string): Promise<string> {
    const before = resetMails(email).length;
    expect(
      (await api.ok<{ requestPasswordReset: boolean }>(REQUEST, { e: email })).requestPasswordReset,
    ).toBe(true);
    const mail = await eventually('the reset email', async () => resetMails(email)[before], 20_000);
    const match = new RegExp(
      `http://localhost:${PORT}/reset-password\\?token=([A-Za-z0-9_-]+)`,
    ).exec(mail.text);
    expect(match).not.toBeNull();
    return match![1];
  }

  /** The request the page's script makes, as the script makes it. */
  function postAsThePage(token: string, newPassword: string) {
    return api.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: page.RESET_PASSWORD_MUTATION, variables: { token, newPassword } });
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const { startOwnStack } = await import('./support/own-stack');
    stack = await startOwnStack('resetpage', {
      SMTP_URL: smtp.url,
      NOTIFY_API_KEY: '',
      PORT,
      PASSWORD_RESET_URL: '',
      OUTBOX_RELAY_POLL_MS: '200',
    });
    api = stack.api;
    f = await import('./support/factories');
    page = await import('@app/auth/http/reset-password-page');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  it('is served at GET /reset-password with strict headers, the form and the script reference', async () => {
    const response = await api.http.get('/reset-password?token=abc');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');

    const html = response.text;
    expect(html).toMatch(/<label for="new-password">[^<]+<\/label>/);
    expect(html).toMatch(/<input[^>]+id="new-password"[^>]+type="password"/);
    expect(html).toMatch(/<input[^>]+id="new-password"[^>]+autocomplete="new-password"/);
    expect(html).toMatch(/<input[^>]+id="new-password"[^>]+aria-describedby="password-rules"/);
    expect(html).toMatch(/id="password-rules"[^>]*>[^<]*at least 12 characters/);
    expect(html).toMatch(/<label for="confirm-password">[^<]+<\/label>/);
    expect(html).toMatch(/<input[^>]+id="confirm-password"[^>]+type="password"/);
    expect(html).toMatch(/<button type="submit"[^>]*>/);
    expect(html).toMatch(/<p[^>]+id="status"[^>]+aria-live="polite"/);
    expect(html).toContain('<script src="/reset-password/assets/reset-password.js"></script>');
    // No inline script (the CSP would block it) and nothing from the query echoed back.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toContain('abc');
  });

  it('serves its script and styles, and nothing else under its assets', async () => {
    const script = await api.http.get('/reset-password/assets/reset-password.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.text).toContain('history.replaceState');
    expect(script.text).toContain("'/graphql'");
    expect(script.text).toContain("'content-type': 'application/json'");
    expect(script.text).toContain(JSON.stringify(page.RESET_PASSWORD_MUTATION));

    const style = await api.http.get('/reset-password/assets/reset-password.css');
    expect(style.status).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');

    expect((await api.http.get('/reset-password/assets/nothing.js')).status).toBe(404);
    expect((await api.http.get('/reset-password/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('the call the page makes resets the password with the emailed token, once', async () => {
    const mentor = await f.registerMentor(api);
    const token = await requestToken(mentor.email);
    const next = 'quiet harbour candle 1 page';

    const weak = await postAsThePage(token, 'short');
    expect(weak.status).toBe(200);
    expect(weak.body.errors[0].extensions.fields[0].field).toBe('newPassword');

    const done = await postAsThePage(token, next);
    expect(done.status).toBe(200);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.resetPassword).toEqual({ __typename: 'AuthPayload' });
    await expect(api.login(mentor.email, next)).resolves.toEqual(expect.any(String));

    const again = await postAsThePage(token, 'quiet harbour candle 2 page');
    expect(again.body.errors[0].extensions.fields).toEqual([
      { field: 'token', message: INVALID_LINK },
    ]);
  });

  it('without a JSON content-type the call is refused (CSRF protection), so the script must send one', async () => {
    const response = await api.http
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: page.RESET_PASSWORD_MUTATION, variables: {} }));
    expect(response.status).toBe(400);
  });

  describe('in a browser', () => {
    let browser: Browser;
    let tab: Page;
    let baseUrl: string;
    const problems: string[] = [];

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `${CHROMIUM} is missing: run "bash scripts/ensure-services.sh --with-chromium" (as root on Debian)`,
        );
      }
      ({ baseUrl, browser, page: tab } = await browseApi(api));
      tab.on('pageerror', (error) => problems.push(error.message));
      // Console errors (a CSP violation, a script error) and failed requests, but the favicon's 404.
      tab.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(message.text());
        }
      });
      tab.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
          problems.push(`${response.status()} ${response.url()}`);
        }
      });
    });

    afterAll(async () => {
      await browser?.close();
    });

    const status = () => tab.textContent('#status');

    it('reads the token, takes it out of the address bar, resets the password and says so', async () => {
      const mentor = await f.registerMentor(api);
      const token = await requestToken(mentor.email);
      const next = 'quiet harbour candle 3 browser';
      await tab.goto(`${baseUrl}/reset-password?token=${token}`);
      await tab.waitForSelector('body[data-ready="true"]');
      expect(tab.url()).toBe(`${baseUrl}/reset-password`);

      await tab.fill('#new-password', next);
      await tab.fill('#confirm-password', `${next} typo`);
      await tab.click('button[type="submit"]');
      await expect(status()).resolves.toBe('The two passwords do not match.');

      await tab.fill('#confirm-password', next);
      await tab.click('button[type="submit"]');
      await tab.waitForFunction(
        (text) => document.getElementById('status')?.textContent === text,
        SUCCESS,
      );
      expect(tab.url()).toBe(`${baseUrl}/reset-password`);
      await expect(api.login(mentor.email, next)).resolves.toEqual(expect.any(String));
      expect(problems).toEqual([]);
    });

    it('shows the error from the response for a used or made-up link', async () => {
      await tab.goto(`${baseUrl}/reset-password?token=${'x'.repeat(43)}`);
      await tab.waitForSelector('body[data-ready="true"]');
      await tab.fill('#new-password', 'quiet harbour candle 4 browser');
      await tab.fill('#confirm-password', 'quiet harbour candle 4 browser');
      await tab.click('button[type="submit"]');
      await tab.waitForFunction(
        (text) => document.getElementById('status')?.textContent === text,
        `${INVALID_LINK}.`,
      );
      expect(problems).toEqual([]);
    });

    it('says the link is incomplete when it has no token', async () => {
      await tab.goto(`${baseUrl}/reset-password`);
      await tab.waitForSelector('body[data-ready="true"]');
      await expect(status()).resolves.toMatch(/link is incomplete/);
      await expect(tab.isDisabled('button[type="submit"]')).resolves.toBe(true);
    });
  });
});
