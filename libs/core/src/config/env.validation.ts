import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

/** Every environment variable the platform reads; documented in the README. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/resettle';

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and BullMQ queue, so two deployments (or a test run) never share jobs. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'letters, digits, _ and - only' })
  REDIS_PREFIX = 'resettle';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'must be a duration such as 15m, 12h or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.BOOTSTRAP_ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Behind a load balancer: take the client address from X-Forwarded-For (login throttling). */
  @IsIn(['true', 'false'])
  TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed logins allowed per email and per client address within a minute before RATE_LIMITED. */
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_MINUTE = 5;

  @IsInt()
  @Min(1)
  GRAPHQL_MAX_DEPTH = 8;

  @IsInt()
  @Min(10)
  GRAPHQL_MAX_COMPLEXITY = 2000;
}

const NUMERIC = new Set(['PORT', 'LOGIN_FAILURES_PER_MINUTE', 'GRAPHQL_MAX_DEPTH', 'GRAPHQL_MAX_COMPLEXITY']);

/**
 * Validates process.env at start-up. The first problem stops the process with one line naming the
 * variable, e.g. `Invalid configuration: REDIS_URL must be a redis:// URL`.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, 'JWT_SECRET', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD']) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    picked[key] = NUMERIC.has(key) && /^-?\d+$/.test(String(value)) ? Number(value) : value;
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Decorators register bottom-up: the last constraint is the topmost, most basic rule (IsInt before Max).
    const message = Object.values(first.constraints ?? {}).at(-1) ?? 'is invalid';
    const missing = first.value === undefined;
    const text = missing ? `${first.property} is required` : message.startsWith(first.property) ? message : `${first.property} ${message}`;
    throw new Error(`Invalid configuration: ${text}`);
  }
  return env;
}
