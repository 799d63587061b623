import { describe, expect, it } from 'vitest';
import { normaliseApiRoot } from '../../../src/channels/telegram/api-root.ts';

describe('normaliseApiRoot', () => {
  it('ends every root with one slash, so telegraf keeps a path when it resolves ./bot<token>/<method>', () => {
    expect(normaliseApiRoot(undefined)).toBeUndefined();
    expect(normaliseApiRoot('')).toBeUndefined();
    expect(normaliseApiRoot('http://127.0.0.1:8081')).toBe('http://127.0.0.1:8081/');
    const root = normaliseApiRoot('https://proxy.example/tg//') ?? '';
    expect(root).toBe('https://proxy.example/tg/');
    expect(new URL('./bot1:x/getMe', root).href).toBe('https://proxy.example/tg/bot1:x/getMe');
  });
});
