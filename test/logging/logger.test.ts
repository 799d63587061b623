import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createScrubber } from '../../src/logging/logger.ts';

const TOKEN = '7123456789:AAHx_secretpart_abcdefghijklmnopqrstu';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('removes a configured secret from messages and nested objects', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: ['zalo-secret-9876'], destination });
    logger.info({ nested: { deep: ['id zalo-secret-9876 end'] } }, 'calling zalo-secret-9876');
    const out = lines.join('');
    expect(out).not.toContain('zalo-secret-9876');
    expect(JSON.parse(out)).toMatchObject({ msg: 'calling [secret]', nested: { deep: ['id [secret] end'] } });
  });

  it('removes a token from a URL path even when nobody configured it and it has no Telegram shape', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: [], destination });
    // A Zalo token in an axios URL: the only thing that can catch it is the /bot<token>/ path rule.
    logger.info({ url: 'https://bot-api.zaloplatforms.com/bot3131:not-configured-xyz/sendMessage' }, 'sent');
    const out = lines.join('');
    expect(out).not.toContain('not-configured-xyz');
    expect(JSON.parse(out)).toMatchObject({ url: 'https://bot-api.zaloplatforms.com/bot[secret]/sendMessage' });
  });

  it('removes it from errors, including an axios-like config with the URL', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: ['zalo-token-123456'], destination });
    const error = Object.assign(
      new Error('request to https://bot-api.zapps.me/botzalo-token-123456/sendMessage failed'),
      {
        config: { url: 'https://bot-api.zapps.me/botzalo-token-123456/sendMessage' },
      },
    );
    logger.error({ err: error }, 'send failed');
    const out = lines.join('');
    expect(out).not.toContain('zalo-token-123456');
    expect(out).toContain('send failed');
  });

  it('scrubs anything shaped like a Telegram token even when not configured', () => {
    expect(createScrubber([])(`token ${TOKEN} here`)).toBe('token [secret] here');
  });

  it("never passes a deep object through unscrubbed, and keeps an error's cause", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination });
    let deep: Record<string, unknown> = { token: TOKEN };
    for (let i = 0; i < 10; i++) deep = { inner: deep };
    const wrapped = new Error('outer', { cause: new Error(`inner ${TOKEN}`) });
    logger.info({ deep, err: wrapped }, 'deep');
    const out = lines.join('');
    expect(out).not.toContain('secretpart');
    expect(out).toContain('inner [secret]');
  });
});
