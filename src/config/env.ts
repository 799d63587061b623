import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { configProblemOf, envErrorKey, zodInVietnamese, type ConfigProblem } from './env-problems.ts';

export type { ConfigProblem } from './env-problems.ts';

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
  .pipe(z.array(z.string().regex(/^-?\d+$|^[A-Za-z0-9_-]+$/, envErrorKey('idList'))));

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const optionalUrl = optionalText.pipe(z.url().optional());

const databaseUrl = optionalText.refine(
  (s) => s === undefined || /^(postgres|postgresql):\/\//.test(s),
  envErrorKey('databaseUrl'),
);

const sessionStoreUrl = optionalText.refine(
  (s) => s === undefined || /^(redis|rediss|postgres|postgresql):\/\//.test(s),
  envErrorKey('sessionStoreUrl'),
);

/** A positive number (a rate, a gap in ms), or unset for the default. */
const optionalPositive = optionalText.pipe(
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, envErrorKey('positiveNumber'))
    .transform(Number)
    .pipe(z.number().positive(envErrorKey('positiveNumber')))
    .optional(),
);

/**
 * How fast a channel may send (design.md, "Outbound"). Telegram's published limits are about 1
 * message a second per chat, 20 a minute per group and 30 a second in bulk; we default the global
 * rate a little under 30, since timing jitter between us and the platform eats into it. Zalo
 * publishes no numbers: 10 a second until its quotas are known.
 */
export const DEFAULT_SEND_LIMITS = {
  telegram: { perSecond: 28, perChatMs: 1000, perGroupPerMinute: 20 },
  zalo: { perSecond: 10, perChatMs: 1000 },
} as const;

const EnvSchema = z
  .object({
    TELEGRAM_SEND_PER_SECOND: optionalPositive,
    TELEGRAM_SEND_PER_CHAT_MS: optionalPositive,
    TELEGRAM_SEND_PER_GROUP_PER_MIN: optionalPositive,
    ZALO_SEND_PER_SECOND: optionalPositive,
    ZALO_SEND_PER_CHAT_MS: optionalPositive,
    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_API_ROOT: optionalUrl,
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    // Telegram accepts 1-256 characters; a short secret is guessable, so ask for at least 16.
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, envErrorKey('telegramSecret'))
        .optional(),
    ),
    ZALO_BOT_TOKEN: optionalText,
    ZALO_API_BASE: optionalUrl,
    ZALO_WEBHOOK_URL: optionalUrl,
    ZALO_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, envErrorKey('zaloSecret')).optional()),
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
        .regex(/^\d+$/, envErrorKey('port'))
        .transform(Number)
        .pipe(z.number().int().min(1, envErrorKey('port')).max(65535, envErrorKey('port')))
        .optional(),
    ),
  })
  .superRefine(
    (env, ctx) => {
      if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['TELEGRAM_WEBHOOK_SECRET'],
          message: envErrorKey('requiredWith'),
          params: { other: 'TELEGRAM_WEBHOOK_URL' },
        });
      }
      if (env.ZALO_WEBHOOK_URL && !env.ZALO_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['ZALO_WEBHOOK_SECRET'],
          message: envErrorKey('requiredWith'),
          params: { other: 'ZALO_WEBHOOK_URL' },
        });
      }
      if ((env.TELEGRAM_BOT_TOKEN || env.ZALO_BOT_TOKEN) && !env.BLOC_FILE) {
        ctx.addIssue({ code: 'custom', path: ['BLOC_FILE'], message: envErrorKey('blocFileRequired') });
      }
    },
    // Run even when a variable is malformed, so one start lists every mistake (the checks only test presence).
    { when: () => true },
  );

export type Env = z.output<typeof EnvSchema>;

/** A channel's send rates: sends per second overall, ms between two to one chat, per group a minute. */
export interface SendRates {
  perSecond: number;
  perChatMs: number;
  perGroupPerMinute?: number;
}

export interface Config {
  telegram?: {
    token: string;
    apiRoot?: string;
    webhook?: { url: string; secret: string };
    rates: SendRates;
  };
  zalo?: {
    token: string;
    apiBase?: string;
    webhook?: { url: string; secret: string };
    rates: SendRates;
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

/**
 * Every bad variable, as locale keys (`env.errors.*`) the CLI renders one line each, e.g.
 * `TELEGRAM_WEBHOOK_SECRET: bắt buộc khi đã đặt TELEGRAM_WEBHOOK_URL`. The message, for logs only,
 * names the variables and keys.
 */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid config:\n${problems.map((p) => `  ${p.variable}: ${p.key}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_SQLITE_PATH = 'data/thidua.sqlite';

export function parseConfig(source: Record<string, string | undefined>): Config {
  // The issues' input shows what was typed (for PORT and LOG_LEVEL only: the rest may be secret).
  const parsed = EnvSchema.safeParse(source, { error: zodInVietnamese, reportInput: true });
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(configProblemOf));
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
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          apiRoot: env.TELEGRAM_API_ROOT,
          webhook: telegramWebhook,
          rates: {
            perSecond: env.TELEGRAM_SEND_PER_SECOND ?? DEFAULT_SEND_LIMITS.telegram.perSecond,
            perChatMs: env.TELEGRAM_SEND_PER_CHAT_MS ?? DEFAULT_SEND_LIMITS.telegram.perChatMs,
            perGroupPerMinute: env.TELEGRAM_SEND_PER_GROUP_PER_MIN ?? DEFAULT_SEND_LIMITS.telegram.perGroupPerMinute,
          },
        }
      : undefined,
    zalo: env.ZALO_BOT_TOKEN
      ? {
          token: env.ZALO_BOT_TOKEN,
          apiBase: env.ZALO_API_BASE,
          webhook: zaloWebhook,
          rates: {
            perSecond: env.ZALO_SEND_PER_SECOND ?? DEFAULT_SEND_LIMITS.zalo.perSecond,
            perChatMs: env.ZALO_SEND_PER_CHAT_MS ?? DEFAULT_SEND_LIMITS.zalo.perChatMs,
          },
        }
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
