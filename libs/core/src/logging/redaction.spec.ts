import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logging.module';

function capture(log: (logger: pino.Logger) => void): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  log(pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink));
  return out;
}

describe('log redaction', () => {
  it.each([
    ['password', { input: { email: 'a@b.org', password: 'hunter2 hunter2' } }, 'hunter2'],
    ['bearer token', { req: { headers: { authorization: 'Bearer abc.def.ghi' } } }, 'abc.def.ghi'],
    ['postcode', { input: { postcode: 'LS6 1AA' } }, 'LS6 1AA'],
    ['release postcode', { input: { releasePostcode: 'M14 5AB' } }, 'M14 5AB'],
    ['prison number', { referral: { personReference: 'A1234BC' } }, 'A1234BC'],
    ['risk assessment notes', { check: { notes: 'disclosed offence details' } }, 'disclosed offence'],
    ['session note', { input: { note: 'talked about his debts' } }, 'his debts'],
    ['GraphQL variables', { request: { variables: { anything: 'secret value' } } }, 'secret value'],
  ])('never writes a %s', (_name, payload, secret) => {
    const line = capture((logger) => logger.info(payload, 'something happened'));
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(secret);
  });
});
