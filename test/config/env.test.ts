import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/env.ts';
import { readFileSync } from 'node:fs';

describe('parseConfig', () => {
  it('needs nothing to run the console: SQLite at the default path, sessions in the database', () => {
    const config = parseConfig({});
    expect(config.telegram).toBeUndefined();
    expect(config.sqlitePath).toBe('data/thidua.sqlite');
    expect(config.sessionStoreUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('says variable by variable what is wrong', () => {
    try {
      parseConfig({
        TELEGRAM_BOT_TOKEN: '1:x',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg',
        DATABASE_URL: 'mysql://x',
        PORT: 'abc',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^DATABASE_URL: /m);
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^TELEGRAM_WEBHOOK_SECRET: required/m);
      expect(problems).toMatch(/^BLOC_FILE: required/m);
    }
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
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET: expected 16-256/);
  });
});
