import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { isIdlePoll, ZaloApiError, ZaloHttpError } from '../../../src/channels/zalo/errors.ts';
import { FAKE_ZALO_SECRET_PART, FakeZaloApi } from '../../fakes/fake-zalo-api.ts';

let api: FakeZaloApi;
beforeEach(async () => {
  api = await FakeZaloApi.start({ basePath: '/proxy/zalo', pollHoldMs: 50 });
});
afterEach(async () => {
  await api.close();
});

function client(options: { token?: string; timeoutMs?: number } = {}) {
  return new ZaloClient({
    token: options.token ?? api.token,
    baseUrl: `${api.url}/`,
    defaultTimeoutMs: options.timeoutMs,
  });
}

/** Everything an error holds, as a log or a crash report would show it. */
function everything(error: unknown): string {
  return inspect(error, { depth: 20, showHidden: true }) + JSON.stringify(error);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('ZaloClient', () => {
  it('POSTs JSON to <base>/bot<token>/<method> (base with a path) and keeps ids as strings', async () => {
    const me = await client().getMe();
    expect(me).toEqual({
      id: '1459232241454765289',
      account_name: 'Bot Thi đua',
      account_type: 'BASIC',
      can_join_groups: false,
    });
    const sent = await client().sendMessage('6ede9afa66b88fe6d6a9', 'Chào đồng chí');
    expect(typeof sent.message_id).toBe('string');
    expect(api.messagesTo('6ede9afa66b88fe6d6a9').map((m) => m.text)).toEqual(['Chào đồng chí']);
    // The fake refuses a chat_id that is not a string and any field it does not know.
    expect(api.refused).toEqual([]);
  });

  it('a bad token (HTTP 200, error_code 401) is a ZaloApiError, and the token is nowhere in it', async () => {
    const error = await failure(client({ token: '1459232241454765289:WrongSecretPart_x1' }).getMe());
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ method: 'getMe', code: 401, status: 200, description: 'Unauthorized' });
    expect(everything(error)).not.toContain('WrongSecretPart_x1');
  });

  it('an HTML 502 page is a ZaloHttpError with the status and the start of the body', async () => {
    api.inject('sendMessage', { kind: 'html', status: 502 });
    const error = await failure(client().sendMessage('u1', 'x'));
    expect(error).toBeInstanceOf(ZaloHttpError);
    expect(error).toMatchObject({ failure: 'body', status: 502 });
    expect((error as ZaloHttpError).body).toContain('nginx');
    expect(everything(error)).not.toContain(FAKE_ZALO_SECRET_PART);
  });

  it('a dropped connection is a network failure whose cause keeps no axios config', async () => {
    api.inject('getMe', { kind: 'drop' });
    const error = await failure(client().getMe());
    expect(error).toMatchObject({ name: 'ZaloHttpError', failure: 'network' });
    const cause = (error as Error).cause as Error & { code?: string };
    expect(cause.code).toBe('ECONNRESET');
    expect(Object.keys(cause)).toEqual(['code']);
    expect(everything(error)).not.toContain(FAKE_ZALO_SECRET_PART);
  });

  it('our own timeout ends a call that hangs, and is told apart from a cancel', async () => {
    api.inject('sendMessage', { kind: 'hang' });
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200 }).sendMessage('u1', 'x'));
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(everything(error)).not.toContain(FAKE_ZALO_SECRET_PART);

    api.inject('getMe', { kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await failure(client().getMe({ signal: controller.signal }))).toMatchObject({ failure: 'aborted' });
  });

  it('sendPhoto has its own 150 s timeout, not the default', async () => {
    api.inject('sendPhoto', { kind: 'delay', ms: 300 });
    api.inject('sendMessage', { kind: 'delay', ms: 300 });
    const short = client({ timeoutMs: 100 });
    await expect(short.sendPhoto('u1', 'https://img.example/a.png')).resolves.toMatchObject({});
    await expect(short.sendMessage('u1', 'x')).rejects.toMatchObject({ failure: 'timeout' });
  });

  it('getUpdates sends timeout as a string and reads the idle 408 as idle, HTTP 200 or 408', async () => {
    const error = await failure(client().getUpdates(30));
    expect(api.callsOf('getUpdates')[0]?.params).toEqual({ timeout: '30' });
    expect(error).toMatchObject({ code: 408, status: 200 });
    expect(isIdlePoll(error)).toBe(true);

    const strict = await FakeZaloApi.start({ pollHoldMs: 20, idleStatus: 408 });
    try {
      const other = await failure(new ZaloClient({ token: strict.token, baseUrl: strict.url }).getUpdates(30));
      expect(other).toMatchObject({ code: 408, status: 408 });
      expect(isIdlePoll(other)).toBe(true);
    } finally {
      await strict.close();
    }
    expect(isIdlePoll(new ZaloHttpError('getUpdates', 'body', { status: 408, body: '' }))).toBe(true);
    expect(isIdlePoll(new ZaloApiError('getUpdates', 429, 'Quota exceeded', 200))).toBe(false);
  });

  it('getUpdates returns the update inside the {ok, result} wrapper, as a list', async () => {
    const user = api.updates.user('Lan');
    const update = api.updates.text(user, 'xin chào');
    api.enqueue(update);
    expect(await client().getUpdates(30)).toEqual([update]);
  });

  it("getUpdates waits the poll's own timeout plus 5 s before giving up", async () => {
    api.inject('getUpdates', { kind: 'hang' });
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 100 }).getUpdates(0));
    const waited = Date.now() - started;
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(waited).toBeGreaterThanOrEqual(4900);
    expect(waited).toBeLessThan(7000);
  });
});
