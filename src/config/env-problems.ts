import { z } from 'zod';

/**
 * What is wrong with a variable of `.env`, as a locale key under `env.errors.*` and its params: the
 * CLI renders it in the operator's language (src/config imports no src/i18n: both are adapters).
 * The schema's own checks carry their key as their message; zod's generic issues get a key of ours
 * where we know them (an option outside a list, a URL), else zod's own Vietnamese text (zod 4's `vi`
 * locale) as a param, so no English reaches the operator.
 */

export const ENV_ERROR_KINDS = [
  'idList',
  'databaseUrl',
  'sessionStoreUrl',
  'telegramSecret',
  'zaloSecret',
  'port',
  'positiveNumber',
  'requiredWith',
  'blocFileRequired',
  'url',
  'oneOf',
  'other',
] as const;

export type EnvErrorKind = (typeof ENV_ERROR_KINDS)[number];
export type EnvErrorKey = `env.errors.${EnvErrorKind}`;

/** One bad variable: its name (empty for the whole environment), a locale key and its params. */
export interface ConfigProblem {
  variable: string;
  key: EnvErrorKey;
  params: Record<string, string | number>;
}

export const envErrorKey = (kind: EnvErrorKind): EnvErrorKey => `env.errors.${kind}`;

function isEnvErrorKey(text: string): text is EnvErrorKey {
  return (ENV_ERROR_KINDS as readonly string[]).some((kind) => text === `env.errors.${kind}`);
}

/** The send-rate settings of each channel (issue 8: each configurable per channel). */
export const SEND_LIMIT_VARIABLES = [
  'TELEGRAM_SEND_PER_SECOND',
  'TELEGRAM_SEND_PER_CHAT_MS',
  'TELEGRAM_SEND_PER_GROUP_PER_MIN',
  'ZALO_SEND_PER_SECOND',
  'ZALO_SEND_PER_CHAT_MS',
] as const;

/** Variables whose value may be shown back: never a secret, a token or a URL with a password in it. */
const SHOWN = new Set(['PORT', 'LOG_LEVEL', ...SEND_LIMIT_VARIABLES]);

/** zod's messages in Vietnamese, for the issues no key of ours covers. */
export const zodInVietnamese = z.locales.vi().localeError;

export function configProblemOf(issue: z.core.$ZodIssue): ConfigProblem {
  // An item of a list (ADMIN_TELEGRAM_IDS.1) is still that variable's mistake.
  const variable = issue.path.length > 0 ? String(issue.path[0]) : '';
  const input = issue.input;
  const got = SHOWN.has(variable) && (typeof input === 'string' || typeof input === 'number') ? String(input) : '';
  if (isEnvErrorKey(issue.message)) {
    const params: Record<string, string | number> = {};
    if (issue.code === 'custom') {
      for (const [name, value] of Object.entries(issue.params ?? {}))
        if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    const shown = issue.message === 'env.errors.port' || issue.message === 'env.errors.positiveNumber';
    return { variable, key: issue.message, params: shown ? { got } : params };
  }
  if (issue.code === 'invalid_value')
    return { variable, key: 'env.errors.oneOf', params: { values: issue.values.map(String).join(', '), got } };
  if (issue.code === 'invalid_format' && issue.format === 'url') return { variable, key: 'env.errors.url', params: {} };
  return { variable, key: 'env.errors.other', params: { detail: issue.message } };
}
