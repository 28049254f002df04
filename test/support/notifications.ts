import { dataSourceOptions } from '@app/core/database/data-source';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';

// Helpers for the notifications e2e tests: a real SMTP server, a private Redis, worker processes
// and a database of their own (so a test's worker never takes another test file's notifications).

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value, or fails after `timeoutMs` with `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Sets environment variables for this test file and returns a function that puts process.env back
 * exactly as it was (Jest runs the next test file in the same process).
 */
export function overrideEnv(values: Record<string, string>): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, values);
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

/** A migrated database of this test file's own, next to the run's database; `drop` removes it. */
export async function createOwnDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_SERVER as string;
  const name = `resettle_test_${process.env.TEST_RUN_ID}_${label}_${randomBytes(2).toString('hex')}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = `${server}/${name}`;
  // Without entities: loading them would load the config module too, fixing the configuration
  // before the test has set its environment.
  const dataSource = await new DataSource({ ...dataSourceOptions(url), entities: [] }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: `${server}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Deletes every Redis key under a prefix (a test's own). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Nothing to clean when that Redis is gone.
  } finally {
    redis.disconnect();
  }
}

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  messageId: string;
  text: string;
  raw: string;
  /** When the server accepted it (ms since the epoch). */
  receivedAt?: number;
}

/** Headers and a plain-text body, decoding quoted-printable and base64 as nodemailer writes them. */
export function parseMail(raw: string, to: string[], from: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let text = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    text = Buffer.from(
      text
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(text, 'base64').toString('utf8');
  }
  return {
    to,
    from,
    subject: headers.get('subject') ?? '',
    messageId: headers.get('message-id') ?? '',
    text: text.replace(/\r\n/g, '\n').trim(),
    raw,
  };
}

export interface TestSmtpServer {
  url: string;
  mails: ReceivedMail[];
  /** Mails to one address. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a spare local port. `reject(address)` may answer
 * an error for a recipient (the SMTP client then fails); `delayMs` slows down each recipient (a
 * busy server), before any of the message is sent.
 */
export async function startSmtpServer(
  options: { reject?: (address: string) => string | null; delayMs?: number } = {},
): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const answer = () => {
        const problem = options.reject?.(address.address) ?? null;
        if (problem) {
          const error = new Error(problem) as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Accepted (and counted) as soon as the final "." arrives, as a real server would; a
        // client killed before sending all of it never gets here.
        if (closed.has(session.id)) return;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push({
          ...parseMail(Buffer.concat(chunks).toString('utf8'), to, from),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((mail) => mail.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A redis-server of the test's own on a spare port, without persistence, that it can stop and start. */
export class PrivateRedis {
  private process: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await eventually('redis-server to answer', async () => {
      const client = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    });
  }

  /** Kills it outright, as a crash or a network cut would. */
  async stop(): Promise<void> {
    const running = this.process;
    this.process = null;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGKILL');
    await once(running, 'exit');
  }
}

/** A worker process (apps/worker/src/main.ts), as deployed, with the test's environment. */
export class WorkerProcess {
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)),
    );
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)),
    );
    this.exited = once(child, 'exit').then(
      ([code, signal]) =>
        ({ code, signal }) as { code: number | null; signal: NodeJS.Signals | null },
    );
  }

  static start(env: Record<string, string>): WorkerProcess {
    const root = join(__dirname, '..', '..');
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-r',
        'tsconfig-paths/register',
        join(root, 'apps/worker/src/main.ts'),
      ],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return new WorkerProcess(child);
  }

  get logs(): string {
    return this.output;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Ends it if it is still running. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
