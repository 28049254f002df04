import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** Every environment variable the platform reads; documented in the README. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/resettle';

  /** Connections in each process's pool (read where the data source is built, checked here). */
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and BullMQ queue, so two deployments (or a test run) never share jobs. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, _ and - only' })
  REDIS_PREFIX = 'resettle';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** The address the API binds. */
  @IsString()
  HOST = '0.0.0.0';

  @ValidateIf(
    (env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'must be a duration such as 15m, 12h or 7d' })
  JWT_EXPIRES_IN = '12h';

  /**
   * How long each API process trusts what it last read of a user's token version and disabled
   * flag; a change made on another replica takes effect within this. 0 reads it on every request.
   */
  @IsInt()
  @Min(0)
  @Max(300000)
  AUTH_STATUS_CACHE_MS = 10000;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.BOOTSTRAP_ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /**
   * Behind a load balancer: `true` (one proxy), a number of proxies, or their addresses/ranges
   * (comma-separated); the client is then the address the nearest trusted proxy saw.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: 'must be true, false, a number of proxies, or their addresses (comma-separated)',
  })
  TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed logins allowed per email and per client address within a minute before RATE_LIMITED. */
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_MINUTE = 5;

  /** Mentor registrations (registerMentor, public) per client address within an hour before RATE_LIMITED. */
  @IsInt()
  @Min(1)
  REGISTRATIONS_PER_ADDRESS_PER_HOUR = 20;

  // Password resets (requestPasswordReset, public; resetPassword).

  /** Reset requests per email within an hour before RATE_LIMITED (counted whether or not the account exists). */
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_EMAIL_PER_HOUR = 5;

  /** Reset requests per client address within an hour before RATE_LIMITED. */
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR = 20;

  /** How long a reset link works, in minutes; at most a day (the email's outbox row is purged within two days of being sent). */
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TOKEN_TTL_MINUTES = 60;

  /**
   * The page that resets a password; the email links to `<this>?token=<token>`. Not set: this API's
   * own page on its PORT, `http://localhost:${PORT}/reset-password` (set in validateEnvironment). In
   * production it must be https (the token signs its holder in: a plain-http link can be read on
   * the way), except on this machine (localhost, the default).
   */
  @ValidateBy({
    name: 'httpsInProduction',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as EnvironmentVariables).NODE_ENV !== 'production' ||
        typeof value !== 'string' ||
        !/^http:/i.test(value) ||
        /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(value),
      defaultMessage: () => 'must be an https:// URL in production',
    },
  })
  @Matches(/^https?:\/\/[^\s?#]+$/, {
    message: 'must be an http(s):// URL without a query or fragment',
  })
  PASSWORD_RESET_URL = 'http://localhost:3000/reset-password';

  @IsInt()
  @Min(1)
  GRAPHQL_MAX_DEPTH = 8;

  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY = 2000;

  // Jobs (BullMQ) and the worker.

  /** Jobs one worker process runs at once, per queue. */
  @IsInt()
  @Min(1)
  @Max(1000)
  WORKER_CONCURRENCY = 20;

  /** First retry delay of a failed job; the n-th retry waits this times 2^(n-1). */
  @IsInt()
  @Min(1)
  JOB_BACKOFF_DELAY_MS = 10000;

  /** How long a worker holds a job without renewing its lock; a killed worker's jobs restart after it. */
  @IsInt()
  @Min(500)
  JOB_LOCK_DURATION_MS = 30000;

  /** How often workers look for jobs whose worker died (stalled jobs). */
  @IsInt()
  @Min(500)
  JOB_STALLED_INTERVAL_MS = 30000;

  /** On SIGTERM, how long the worker waits for jobs in flight before releasing them. */
  @IsInt()
  @Min(0)
  WORKER_SHUTDOWN_GRACE_MS = 20000;

  // Notifications: outbox relay and delivery channels.

  /** The relay wakes on every committed outbox row (LISTEN/NOTIFY) and also polls this often. */
  @IsInt()
  @Min(50)
  OUTBOX_RELAY_POLL_MS = 500;

  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_RELAY_BATCH_SIZE = 500;

  /** A relayed notification still unfinished after this long, whose job Redis lost, is relayed again. */
  @IsInt()
  @Min(1000)
  OUTBOX_REDRIVE_AFTER_MS = 600000;

  /**
   * Finished notification outbox rows (and their email/SMS delivery records) are deleted this many
   * days after they were written; in-app notifications stay. At least 90: a row's dedupe key stops a
   * reminder going twice, and a re-check reminder is looked for every day for up to 60 days.
   */
  @IsInt()
  @Min(90, { message: 'must be at least 90 (a reminder is deduplicated for up to 60 days)' })
  @Max(3650)
  OUTBOX_RETENTION_DAYS = 90;

  /** When the daily outbox purge runs: a cron pattern, UK time. */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron pattern such as 30 3 * * *' })
  OUTBOX_PURGE_CRON = '30 3 * * *';

  /** Email through SMTP, e.g. smtps://user:pass@smtp.example.org:465; without it (and without Notify) no email is sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every email, e.g. `Resettle Match <no-reply@example.org>`. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Resettle Match <no-reply@resettle-match.localhost>';

  /** GOV.UK Notify API key: when set, email and SMS go through Notify instead of SMTP. */
  @IsOptional()
  @IsString()
  @MinLength(20, { message: 'must be a GOV.UK Notify API key' })
  NOTIFY_API_KEY?: string;

  /** GOV.UK Notify API address; only to point at a proxy or a stub. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s):// URL' })
  NOTIFY_BASE_URL?: string;

  /** Notify email template with ((subject)) and ((body)) placeholders. */
  @ValidateIf((env: EnvironmentVariables) => env.NOTIFY_API_KEY !== undefined)
  @IsUUID('all', { message: 'must be a Notify template id (required with NOTIFY_API_KEY)' })
  NOTIFY_TEMPLATE_EMAIL?: string;

  /** Notify text message template with a ((body)) placeholder. */
  @ValidateIf((env: EnvironmentVariables) => env.NOTIFY_API_KEY !== undefined)
  @IsUUID('all', { message: 'must be a Notify template id (required with NOTIFY_API_KEY)' })
  NOTIFY_TEMPLATE_SMS?: string;

  /** Where people sign in; quoted in emails and texts. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s):// URL' })
  APP_URL?: string;

  // Vetting.

  /** Calendar months after a decision (its UK date) before risk-assessment and disclosure notes are purged (DBS Code of Practice: 6). */
  @IsInt()
  @Min(1)
  @Max(120)
  RETENTION_DISCLOSURE_MONTHS = 6;

  /** When the daily vetting jobs run (re-check reminders and expiry, the notes purge): a cron pattern, UK time. */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron pattern such as 0 6 * * *' })
  VETTING_JOBS_CRON = '0 6 * * *';

  /** When the daily release-day sweep runs (MATCHED → ACTIVE on the day, mentor reminders): a cron pattern, UK time. */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron pattern such as 0 6 * * *' })
  RELEASE_DAY_JOBS_CRON = '0 6 * * *';

  // The public services map.

  /** Map tiles for GET /map, a Leaflet URL template; markers and the list work without tiles. */
  @Matches(/^(https?:\/\/|\/).+\{z\}.+/, {
    message: 'must be a tile URL template with {z}, {x} and {y}',
  })
  MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  /** Attribution shown on the map for the tiles. */
  @IsString()
  MAP_TILE_ATTRIBUTION = '&copy; OpenStreetMap contributors';

  /** Scheme changes within this window produce one map rebuild, this long after the first. */
  @IsInt()
  @Min(100)
  MAP_REFRESH_DEBOUNCE_MS = 30000;

  /** The safety-net rebuild interval. */
  @IsInt()
  @Min(1000)
  MAP_REFRESH_EVERY_MS = 900000;

  /** How often the worker looks for new scheme_events rows. */
  @IsInt()
  @Min(50)
  MAP_EVENTS_POLL_MS = 1000;

  /** Public map searches per client address per minute. */
  @IsInt()
  @Min(1)
  MAP_SEARCH_RATE_LIMIT_PER_MINUTE = 60;
}

const NUMERIC = new Set([
  'DATABASE_POOL_SIZE',
  'PORT',
  'AUTH_STATUS_CACHE_MS',
  'LOGIN_FAILURES_PER_MINUTE',
  'REGISTRATIONS_PER_ADDRESS_PER_HOUR',
  'PASSWORD_RESETS_PER_EMAIL_PER_HOUR',
  'PASSWORD_RESETS_PER_ADDRESS_PER_HOUR',
  'PASSWORD_RESET_TOKEN_TTL_MINUTES',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_COMPLEXITY',
  'WORKER_CONCURRENCY',
  'JOB_BACKOFF_DELAY_MS',
  'JOB_LOCK_DURATION_MS',
  'JOB_STALLED_INTERVAL_MS',
  'WORKER_SHUTDOWN_GRACE_MS',
  'OUTBOX_RELAY_POLL_MS',
  'OUTBOX_RELAY_BATCH_SIZE',
  'OUTBOX_REDRIVE_AFTER_MS',
  'OUTBOX_RETENTION_DAYS',
  'RETENTION_DISCLOSURE_MONTHS',
  'MAP_REFRESH_DEBOUNCE_MS',
  'MAP_REFRESH_EVERY_MS',
  'MAP_EVENTS_POLL_MS',
  'MAP_SEARCH_RATE_LIMIT_PER_MINUTE',
]);

/** Variables without a default: validated only when given. */
const OPTIONAL = [
  'JWT_SECRET',
  'BOOTSTRAP_ADMIN_EMAIL',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'SMTP_URL',
  'NOTIFY_API_KEY',
  'NOTIFY_BASE_URL',
  'NOTIFY_TEMPLATE_EMAIL',
  'NOTIFY_TEMPLATE_SMS',
  'APP_URL',
];

/**
 * Validates process.env at start-up. The first problem stops the process with one line naming the
 * variable, e.g. `Invalid configuration: REDIS_URL must be a redis:// URL`.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, ...OPTIONAL]) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    picked[key] = NUMERIC.has(key) && /^-?\d+$/.test(String(value)) ? Number(value) : value;
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  // The default reset link is the page this API serves (GET /reset-password), on its own port.
  if (picked.PASSWORD_RESET_URL === undefined && Number.isInteger(env.PORT)) {
    env.PASSWORD_RESET_URL = `http://localhost:${env.PORT}/reset-password`;
  }
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Decorators register bottom-up: the last constraint is the topmost, most basic rule (IsInt before Max).
    const message = Object.values(first.constraints ?? {}).at(-1) ?? 'is invalid';
    const missing = first.value === undefined;
    const text = missing
      ? `${first.property} is required`
      : message.startsWith(first.property)
        ? message
        : `${first.property} ${message}`;
    throw new Error(`Invalid configuration: ${text}`);
  }
  return env;
}
