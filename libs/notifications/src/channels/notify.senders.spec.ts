import { once } from 'node:events';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Channel } from './channel';
import { NotifyEmailSender, NotifySmsSender, notifyClient } from './notify.senders';

// GOV.UK Notify's API stood in for by a local HTTP server: the real client library signs and sends
// the requests; the stub checks them and answers as Notify does.

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `test_key-${SERVICE_ID}-${SECRET}`;
const EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const SMS_TEMPLATE = '8c8a4d0e-41a5-4d77-b7e0-8e2d4b3c1f9a';

describe('GOV.UK Notify senders', () => {
  let server: Server;
  let baseUrl: string;
  const requests: { path: string; auth: string; body: Record<string, unknown> }[] = [];
  let answer: { status: number; body: unknown } = { status: 201, body: { id: 'notification-id' } };

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push({
        path: req.url ?? '',
        auth: String(req.headers.authorization),
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      res
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    requests.length = 0;
    answer = { status: 201, body: { id: 'notification-id' } };
  });

  const message = {
    reference: 'outbox.user.email',
    subject: 'Welcome to Resettle Match',
    body: 'Thank you.',
    sms: 'Thanks.',
  };

  it('sends an email through the configured template, with subject and body as personalisation', async () => {
    const sender = new NotifyEmailSender(notifyClient(API_KEY, baseUrl), EMAIL_TEMPLATE);
    expect(sender.channel).toBe(Channel.EMAIL);
    await sender.send({ email: 'mentor@example.org', phoneNumber: null }, message);
    expect(requests).toHaveLength(1);
    expect(requests[0].path).toBe('/v2/notifications/email');
    expect(requests[0].auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(requests[0].auth.split('.')[1], 'base64url').toString());
    expect(claims.iss).toBe(SERVICE_ID);
    expect(requests[0].body).toEqual({
      template_id: EMAIL_TEMPLATE,
      email_address: 'mentor@example.org',
      personalisation: { subject: 'Welcome to Resettle Match', body: 'Thank you.' },
      reference: 'outbox.user.email',
    });
  });

  it('sends a text message with the short form', async () => {
    const sender = new NotifySmsSender(notifyClient(API_KEY, baseUrl), SMS_TEMPLATE);
    await sender.send({ email: 'mentor@example.org', phoneNumber: '+447400123456' }, message);
    expect(requests[0].path).toBe('/v2/notifications/sms');
    expect(requests[0].body).toMatchObject({
      template_id: SMS_TEMPLATE,
      phone_number: '+447400123456',
      personalisation: { body: 'Thanks.' },
    });
  });

  it("turns Notify's error answer into an error naming the problem, not the content", async () => {
    answer = {
      status: 400,
      body: {
        status_code: 400,
        errors: [
          {
            error: 'BadRequestError',
            message: 'Can’t send to this recipient using a team-only API key',
          },
        ],
      },
    };
    const sender = new NotifyEmailSender(notifyClient(API_KEY, baseUrl), EMAIL_TEMPLATE);
    const failure = sender.send({ email: 'mentor@example.org', phoneNumber: null }, message);
    await expect(failure).rejects.toThrow(
      'GOV.UK Notify answered 400: BadRequestError: Can’t send to this recipient using a team-only API key',
    );
    await expect(failure).rejects.not.toThrow('Thank you');
  });
});
