import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseConfig, type ConfigProblem } from '../../src/config/env.ts';
import { configProblemOf, zodInVietnamese } from '../../src/config/env-problems.ts';
import { readFileSync } from 'node:fs';

function problemsOf(env: Record<string, string>): ConfigProblem[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('needs nothing to run the console: SQLite at the default path, sessions in the database', () => {
    const config = parseConfig({});
    expect(config.telegram).toBeUndefined();
    expect(config.sqlitePath).toBe('data/thidua.sqlite');
    expect(config.sessionStoreUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('says variable by variable what is wrong, as locale keys', () => {
    expect(
      problemsOf({
        TELEGRAM_BOT_TOKEN: '1:x',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg',
        DATABASE_URL: 'mysql://x',
        PORT: 'abc',
        LOG_LEVEL: 'verbose',
        TELEGRAM_API_ROOT: 'not a url',
        ADMIN_TELEGRAM_IDS: '12, a b',
      }),
    ).toEqual([
      { variable: 'TELEGRAM_API_ROOT', key: 'env.errors.url', params: {} },
      { variable: 'DATABASE_URL', key: 'env.errors.databaseUrl', params: {} },
      { variable: 'ADMIN_TELEGRAM_IDS', key: 'env.errors.idList', params: {} },
      {
        variable: 'LOG_LEVEL',
        key: 'env.errors.oneOf',
        params: { values: 'fatal, error, warn, info, debug, trace, silent', got: 'verbose' },
      },
      { variable: 'PORT', key: 'env.errors.port', params: { got: 'abc' } },
      {
        variable: 'TELEGRAM_WEBHOOK_SECRET',
        key: 'env.errors.requiredWith',
        params: { other: 'TELEGRAM_WEBHOOK_URL' },
      },
      { variable: 'BLOC_FILE', key: 'env.errors.blocFileRequired', params: {} },
    ]);
  });

  it('a port out of range says so, and a secret is never shown back', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual([
      { variable: 'PORT', key: 'env.errors.port', params: { got: '70000' } },
    ]);
    expect(problemsOf({ PORT: '0' })).toEqual([{ variable: 'PORT', key: 'env.errors.port', params: { got: '0' } }]);
    const secret = problemsOf({ ZALO_WEBHOOK_SECRET: 'short-secret' });
    expect(secret).toEqual([{ variable: 'ZALO_WEBHOOK_SECRET', key: 'env.errors.zaloSecret', params: {} }]);
  });

  it("an issue no key of ours covers keeps zod's own Vietnamese text", () => {
    const parsed = z.object({ X: z.string() }).safeParse({ X: 5 }, { error: zodInVietnamese });
    const [issue] = parsed.error?.issues ?? [];
    const found = configProblemOf(issue!);
    expect(found).toEqual({
      variable: 'X',
      key: 'env.errors.other',
      params: { detail: 'Đầu vào không hợp lệ: mong đợi string, nhận được số' },
    });
  });

  it('reads webhook mode, postgres URLs, Redis sessions and admin lists', () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg/hook',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_-x-long-enough',
      BLOC_FILE: 'deploy/bloc.example.yaml',
      DATABASE_URL: 'postgresql://u@h/db',
      SESSION_STORE_URL: 'redis://127.0.0.1:6379',
      ADMIN_TELEGRAM_IDS: ' 1, 22 ,333',
      PORT: '8080',
    });
    expect(config.telegram?.webhook).toEqual({ url: 'https://bot.example/tg/hook', secret: 's3cret_-x-long-enough' });
    expect(config.databaseUrl).toBe('postgresql://u@h/db');
    expect(config.admins.telegram).toEqual(['1', '22', '333']);
    expect(config.port).toBe(8080);
  });

  it('.env.example names every variable the schema reads', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of [
      'TELEGRAM_BOT_TOKEN',
      'TELEGRAM_API_ROOT',
      'TELEGRAM_WEBHOOK_URL',
      'TELEGRAM_WEBHOOK_SECRET',
      'ZALO_BOT_TOKEN',
      'ZALO_API_BASE',
      'ZALO_WEBHOOK_URL',
      'ZALO_WEBHOOK_SECRET',
      'PUBLIC_BASE_URL',
      'DATABASE_URL',
      'SESSION_STORE_URL',
      'BLOC_FILE',
      'ADMIN_TELEGRAM_IDS',
      'ADMIN_ZALO_IDS',
      'LOG_LEVEL',
      'PORT',
    ]) {
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
    }
  });

  it('refuses a short webhook secret', () => {
    expect(() =>
      parseConfig({
        TELEGRAM_BOT_TOKEN: '1:x',
        BLOC_FILE: 'b.yaml',
        TELEGRAM_WEBHOOK_URL: 'https://b.example/h',
        TELEGRAM_WEBHOOK_SECRET: 'short',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET: env.errors.telegramSecret/);
  });
});
