import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply, type Inbound } from '../../../src/app/messages.ts';
import { createHttpServer, type HttpServer } from '../../../src/channels/http-server.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { checkToken, ZaloStartupError } from '../../../src/channels/zalo/startup.ts';
import type { HandleResult } from '../../../src/channels/zalo/types.ts';
import {
  createZaloChannel,
  type ZaloChannel,
  type ZaloChannelOptions,
} from '../../../src/channels/zalo/zalo-channel.ts';
import { t } from '../../../src/i18n/i18n.ts';
import { FAKE_ZALO_SECRET_PART, FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { captureLogger } from '../../support/log-capture.ts';

const SECRET = 'zalo-webhook-secret-42';

let api: FakeZaloApi;
let log: ReturnType<typeof captureLogger>;
let seen: Inbound[];
let channels: ZaloChannel[];
let server: HttpServer | undefined;
const engine = {
  handle: async (inbound: Inbound): Promise<HandleResult> => {
    seen.push(inbound);
    return 'handled';
  },
};

beforeEach(async () => {
  api = await FakeZaloApi.start({ pollHoldMs: 30 });
  // No secrets for the logger: only the Zalo code's own redaction keeps the token out.
  log = captureLogger({ secrets: [] });
  seen = [];
  channels = [];
});
afterEach(async () => {
  for (const c of channels) await c.stop();
  await server?.close();
  server = undefined;
  await api.close();
});

async function channel(options: Partial<ZaloChannelOptions> = {}): Promise<ZaloChannel> {
  const c = await createZaloChannel({ token: api.token, apiBase: api.url, engine, logger: log.logger, ...options });
  channels.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('Zalo channel', () => {
  it('a bad token fails at once, naming ZALO_BOT_TOKEN, with a locale key for the CLI', async () => {
    const started = Date.now();
    const error = await failure(channel({ token: '1459232241454765289:NotTheRightOne_77' }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(ZaloStartupError);
    expect(error).toMatchObject({ key: 'zalo.badToken', params: { description: '401 Unauthorized' } });
    expect((error as Error).message).toContain('ZALO_BOT_TOKEN');
    expect(t('zalo.badToken', { description: '401 Unauthorized' })).toContain('ZALO_BOT_TOKEN');
    expect(api.callsOf('getMe')).toHaveLength(1);
    expect(String((error as Error).stack) + JSON.stringify(error)).not.toContain('NotTheRightOne_77');
  });

  it('a host that does not answer is tried three times, 2.5 s each at most', async () => {
    api.inject('getMe', { kind: 'drop' }, 3);
    const client = new ZaloClient({ token: api.token, baseUrl: api.url });
    expect(await failure(checkToken(client, 1))).toMatchObject({
      key: 'zalo.apiUnreachable',
      params: { base: api.url },
    });
    api.inject('getMe', { kind: 'hang' });
    const started = Date.now();
    expect(await checkToken(client, 1)).toMatchObject({ id: api.bot.id });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(2400);
    expect(waited).toBeLessThan(4000);
  });

  it('polling: a message comes in and the sender answers it, all through the fake', async () => {
    const c = await channel();
    expect(c.mode).toBe('polling');
    expect(c.bot.id).toBe('1459232241454765289');
    await c.start();
    const u = api.updates.user('Lan');
    api.enqueue(api.updates.text(u, '/trogiup'));
    await api.waitUntil(() => seen.length === 1, 2000, 'the update');
    expect(await c.sender.send(seen[0]!.chatId, reply('engine.nothingToCancel'), 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(u.id).map((m) => m.text)).toEqual([t('engine.nothingToCancel')]);
  });

  it('webhook mode: setWebhook with the URL and secret at start, then updates arrive by POST', async () => {
    const c = await channel({ webhook: { url: 'https://bot.example/zalo/hook', secret: SECRET } });
    expect(c.mode).toBe('webhook');
    expect(c.webhook?.path).toBe('/zalo/hook');
    server = createHttpServer(log.logger);
    server.mount(c.webhook!.path, c.webhook!.handler);
    api.webhookOrigin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    await c.start();
    expect(api.callsOf('setWebhook').map((x) => x.params)).toEqual([
      { url: 'https://bot.example/zalo/hook', secret_token: SECRET },
    ]);
    const u = api.updates.user('Lan');
    expect(await api.send(api.updates.text(u, '/xem'))).toBe(200);
    expect(await api.send(api.updates.text(u, '/xem'), 'wrapped')).toBe(200);
    expect((await api.deliver(api.updates.text(u, 'giả mạo'), { secret: 'zalo-webhook-secret-43' })).status).toBe(401);
    expect(seen.map((i) => i.text)).toEqual(['/xem', '/xem']);
  });

  it('switching from webhook to polling deletes the webhook before the first poll', async () => {
    const hooked = await channel({ webhook: { url: 'https://bot.example/zalo/hook', secret: SECRET } });
    await hooked.start();
    expect(api.webhook?.url).toBe('https://bot.example/zalo/hook');
    const polling = await channel();
    await polling.start();
    await api.waitForCalls('getUpdates', 1);
    const order = api.calls.map((c) => c.method).filter((m) => m !== 'getMe');
    expect(order.slice(0, 4)).toEqual(['setWebhook', 'getWebhookInfo', 'deleteWebhook', 'getUpdates']);
    api.enqueue(api.updates.text(api.updates.user('Lan'), 'đến bằng polling'));
    await api.waitUntil(() => seen.length === 1, 2000, 'the update');
  });

  it('refuses a webhook URL that is not https, or a secret Zalo would refuse, before calling Zalo', async () => {
    expect(await failure(channel({ webhook: { url: 'http://bot.example/hook', secret: SECRET } }))).toMatchObject({
      key: 'zalo.webhookUrlInvalid',
    });
    expect(
      await failure(channel({ webhook: { url: 'https://bot.example/hook', secret: 'x'.repeat(257) } })),
    ).toMatchObject({
      key: 'zalo.webhookSecretInvalid',
      params: { length: 257 },
    });
    expect(api.calls).toEqual([]);
  });

  it('the token never appears in a log line, whatever fails', async () => {
    for (const fault of [
      { kind: 'drop' },
      { kind: 'html', status: 502 },
      { kind: 'error', code: 500, description: `boom /bot${api.token}/getUpdates token=${api.token}` },
    ] as const)
      api.inject('getUpdates', fault);
    api.inject('sendMessage', { kind: 'drop' }, 3);
    api.inject('sendMessage', { kind: 'error', code: 401 });
    api.inject('sendMessage', { kind: 'hang' });
    const c = await channel({
      polling: { backoff: { initialMs: 5, maxMs: 10 } },
      sender: { retryDelaysMs: [1, 1] },
      timeoutMs: 200,
    });
    await c.start();
    await api.waitForCalls('getUpdates', 5);
    const u = api.updates.user('Lan');
    for (let i = 0; i < 3; i++) await c.sender.send(u.id, reply('engine.nothingToCancel'), 'vi');
    log.logger.error(
      { err: await failure(new ZaloClient({ token: api.token, baseUrl: api.url, defaultTimeoutMs: 1 }).getMe()) },
      'x',
    );
    const out = log.lines.join('');
    expect(log.lines.length).toBeGreaterThanOrEqual(5);
    expect(out).not.toContain(FAKE_ZALO_SECRET_PART);
  });
});
