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
  it('removes the token from messages, nested objects and URL paths', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: [TOKEN], destination });
    logger.info(
      { url: `https://api.telegram.org/bot${TOKEN}/sendMessage`, nested: { deep: [TOKEN] } },
      `calling ${TOKEN}`,
    );
    const out = lines.join('');
    expect(out).not.toContain('secretpart');
    expect(out).toContain('/bot[secret]/sendMessage');
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
