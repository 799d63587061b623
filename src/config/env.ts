import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The one reader of `process.env` (lint forbids it elsewhere). `parseConfig` is pure so tests can
 * build a config from a plain object; `readEnv` loads `.env` when present, then parses.
 */

const idList = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^-?\d+$|^[A-Za-z0-9_-]+$/, 'expected comma-separated ids')));

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const optionalUrl = optionalText.pipe(z.url().optional());

const databaseUrl = optionalText.refine(
  (s) => s === undefined || /^(postgres|postgresql):\/\//.test(s),
  'expected a postgres:// or postgresql:// URL (leave unset for the embedded SQLite file)',
);

const sessionStoreUrl = optionalText.refine(
  (s) => s === undefined || /^(redis|rediss|postgres|postgresql):\/\//.test(s),
  'expected redis://, rediss://, postgres:// or postgresql:// (leave unset to keep sessions in the database)',
);

const EnvSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_API_ROOT: optionalUrl,
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    // Telegram accepts 1-256 characters; a short secret is guessable, so ask for at least 16.
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16-256 characters of A-Z a-z 0-9 _ -')
        .optional(),
    ),
    ZALO_BOT_TOKEN: optionalText,
    ZALO_API_BASE: optionalUrl,
    ZALO_WEBHOOK_URL: optionalUrl,
    ZALO_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'expected at least 16 characters').optional()),
    PUBLIC_BASE_URL: optionalUrl,
    DATABASE_URL: databaseUrl,
    SQLITE_PATH: optionalText,
    EXPORTS_DIR: optionalText,
    SESSION_STORE_URL: sessionStoreUrl,
    BLOC_FILE: optionalText,
    ADMIN_TELEGRAM_IDS: idList,
    ADMIN_ZALO_IDS: idList,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, 'expected a port number')
        .transform(Number)
        .pipe(z.number().int().min(1).max(65535))
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'required when TELEGRAM_WEBHOOK_URL is set',
      });
    }
    if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'required when ZALO_WEBHOOK_URL is set' });
    }
    if ((env.TELEGRAM_BOT_TOKEN || env.ZALO_BOT_TOKEN) && !env.BLOC_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['BLOC_FILE'],
        message: 'required when a channel token is set (a bloc file or a folder of them)',
      });
    }
  });

export type Env = z.output<typeof EnvSchema>;

export interface Config {
  telegram?: {
    token: string;
    apiRoot?: string;
    webhook?: { url: string; secret: string };
  };
  zalo?: {
    token: string;
    apiBase?: string;
    webhook?: { url: string; secret: string };
  };
  publicBaseUrl?: string;
  databaseUrl?: string;
  sqlitePath: string;
  /**
   * Where the console writes the images and files a reply carries (a terminal cannot show them):
   * EXPORTS_DIR, else `exports/` beside the SQLite file (`data/exports` by default).
   */
  exportsDir: string;
  sessionStoreUrl?: string;
  /** Unset only when no channel token is set: the console then uses the shipped example bloc. */
  blocFile?: string;
  admins: { telegram: string[]; zalo: string[] };
  logLevel: Env['LOG_LEVEL'];
  port?: number;
}

/** One line per bad variable, e.g. `TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set`. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid config:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_SQLITE_PATH = 'data/thidua.sqlite';

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const env = parsed.data;
  const telegramWebhook =
    env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
      ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET }
      : undefined;
  const zaloWebhook =
    env.ZALO_WEBHOOK_URL && env.ZALO_WEBHOOK_SECRET
      ? { url: env.ZALO_WEBHOOK_URL, secret: env.ZALO_WEBHOOK_SECRET }
      : undefined;
  return {
    telegram: env.TELEGRAM_BOT_TOKEN
      ? { token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT, webhook: telegramWebhook }
      : undefined,
    zalo: env.ZALO_BOT_TOKEN
      ? { token: env.ZALO_BOT_TOKEN, apiBase: env.ZALO_API_BASE, webhook: zaloWebhook }
      : undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    databaseUrl: env.DATABASE_URL,
    sqlitePath: env.SQLITE_PATH ?? DEFAULT_SQLITE_PATH,
    exportsDir: env.EXPORTS_DIR ?? join(dirname(env.SQLITE_PATH ?? DEFAULT_SQLITE_PATH), 'exports'),
    sessionStoreUrl: env.SESSION_STORE_URL,
    blocFile: env.BLOC_FILE,
    admins: { telegram: env.ADMIN_TELEGRAM_IDS, zalo: env.ADMIN_ZALO_IDS },
    logLevel: env.LOG_LEVEL,
    port: env.PORT,
  };
}

/** Reads the process environment, after loading `.env` from the working folder when it exists. */
export function readEnv(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** Facts about the process that are not configuration but must still come from one place. */
export function processFacts(): { interactive: boolean; ci: boolean } {
  return { interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY), ci: process.env.CI === 'true' };
}
