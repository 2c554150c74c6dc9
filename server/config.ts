// The environment, parsed once with zod. Invalid configuration stops start-up with a message naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isLoopbackUrl, loopbackAliases } from './http/origin';
import { processSingleton } from './runtime';

const booleanish = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: loopback only when APP_URL is loopback (someone trying Fireside on their machine), else every interface.
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'letters, digits, ":", "_" or "-" (at most 40)')
    .default('fireside:'),
  REDIS_URL: z
    .string()
    .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://fireside.example.org' }).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  // How many proxies of ours are in front (client IP = Nth X-Forwarded-For entry from the right); the old
  // true/false still work and mean 1/0.
  TRUST_PROXY: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => /^\d{1,2}$/.test(v) || booleanish.safeParse(v).success, 'must be the number of proxies in front (0, 1, 2, ...); true/false mean 1/0')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : booleanish.parse(v) ? 1 : 0))
    .default(0),
  // auto: seed the demo community only for a loopback APP_URL (a try-out on this machine); on: always (an empty
  // database, any APP_URL or dialect); off: never.
  DEMO_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(8000).default(1000),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseIsDefault: boolean;
  dialect: 'sqlite' | 'postgresql';
  databasePoolMax: number;
  databaseStatementTimeoutMs: number;
  redisUrl: string | null;
  redisKeyPrefix: string;
  authSecret: string;
  authSecretGenerated: boolean;
  appUrl: string;
  allowedOrigins: string[];
  trustProxy: number;
  demoSeed: 'auto' | 'on' | 'off';
  shutdownDrainMs: number;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment. Pure except for the generated auth secret, which is persisted under DATA_DIR. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(e.DATA_DIR, 'fireside.db')}`;
  const dialect = databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql';
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const origins = new Set<string>([new URL(appUrl).origin]);
  for (const alias of loopbackAliases(appUrl)) origins.add(alias);
  for (const o of (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      origins.add(new URL(o).origin);
    } catch {
      throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: "${o}" is not a URL origin`);
    }
  }
  let authSecret = e.AUTH_SECRET;
  let authSecretGenerated = false;
  if (!authSecret) {
    const file = path.join(dataDir, 'auth-secret');
    if (existsSync(file)) authSecret = readFileSync(file, 'utf8').trim();
    if (!authSecret || authSecret.length < 32) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // private: it holds the secret and the database
      authSecret = randomBytes(32).toString('base64url');
      writeFileSync(file, `${authSecret}\n`, { mode: 0o600 });
      authSecretGenerated = true;
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (isLoopbackUrl(appUrl) ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    databaseUrl,
    databaseIsDefault: !e.DATABASE_URL,
    dialect,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL ?? null,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    authSecret,
    authSecretGenerated,
    appUrl,
    allowedOrigins: [...origins],
    trustProxy: e.TRUST_PROXY,
    demoSeed: e.DEMO_SEED,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
  };
}

const slot = () => processSingleton('config', () => ({ config: undefined as Config | undefined }));

/**
 * The process-wide configuration. The custom server parses it first and exports the resolved secret and
 * URL to process.env, so Next's separately bundled code reads the same values.
 */
export function getConfig(): Config {
  const s = slot();
  s.config ??= parseConfig(process.env);
  return s.config;
}

export function setConfig(config: Config) {
  slot().config = config;
  process.env.AUTH_SECRET = config.authSecret;
  process.env.NEXTAUTH_SECRET = config.authSecret;
  process.env.NEXTAUTH_URL = config.appUrl;
  process.env.APP_URL = config.appUrl;
  process.env.DATABASE_URL = config.databaseUrl;
}
