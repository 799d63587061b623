import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/app/messages.ts';
import { createHttpServer, type HttpServer } from '../../../src/channels/http-server.ts';
import type { HandleResult } from '../../../src/channels/zalo/types.ts';
import { createZaloWebhookHandler, secretMatches } from '../../../src/channels/zalo/webhook.ts';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { captureLogger } from '../../support/log-capture.ts';

const SECRET = 'webhook-secret-0123456789';
const PATH = '/hooks/zalo';

let api: FakeZaloApi;
let server: HttpServer;
let port: number;
let seen: Inbound[];
let results: HandleResult[];
let log: ReturnType<typeof captureLogger>;

beforeEach(async () => {
  api = await FakeZaloApi.start();
  seen = [];
  results = [];
  const engine = {
    handle: async (inbound: Inbound): Promise<HandleResult> => {
      seen.push(inbound);
      return results.shift() ?? 'handled';
    },
  };
  log = captureLogger();
  const { logger } = log;
  server = createHttpServer(logger);
  server.mount(
    PATH,
    createZaloWebhookHandler({ secret: SECRET, handler: engine, logger, botId: api.bot.id, readTimeoutMs: 200 }),
  );
  port = await server.listen(0, '127.0.0.1');
  // As if setWebhook had been called with the public https URL; TLS ends in front of the bot.
  api.webhook = { url: `https://bot.example${PATH}`, secret: SECRET, updated_at: 1 };
  api.webhookOrigin = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  await server.close();
  await api.close();
});

const user = () => api.updates.user('Nguyễn Văn An');

describe('Zalo webhook', () => {
  it('takes a flat body and a wrapped one alike, answering 200 after the engine', async () => {
    const u = user();
    expect(await api.deliver(api.updates.text(u, '/xem'), { shape: 'flat' })).toEqual({
      status: 200,
      body: '{"ok":true}',
    });
    expect((await api.deliver(api.updates.text(u, '/trangthai'), { shape: 'wrapped' })).status).toBe(200);
    expect(seen.map((i) => [i.channel, i.chatId, i.userId, i.text])).toEqual([
      ['zalo', u.id, u.id, '/xem'],
      ['zalo', u.id, u.id, '/trangthai'],
    ]);
  });

  it('a wrong or missing secret is 401 and nothing is handled', async () => {
    const update = api.updates.text(user(), '/xem');
    expect((await api.deliver(update, { secret: 'webhook-secret-0123456780' })).status).toBe(401);
    expect((await api.deliver(update, { secret: 'short' })).status).toBe(401);
    expect((await api.deliver(update, { secret: null })).status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('compares the secret only when the lengths match', () => {
    const expected = Buffer.from(SECRET);
    expect(secretMatches(SECRET, expected)).toBe(true);
    expect(secretMatches(`${SECRET}x`, expected)).toBe(false);
    expect(secretMatches([SECRET, SECRET], expected)).toBe(false);
    expect(secretMatches('', Buffer.from(''))).toBe(false);
  });

  it('malformed JSON is 400; another content type is 415; GET is 405', async () => {
    expect((await api.deliver('{"event_name":')).status).toBe(400);
    expect((await api.deliver(api.updates.text(user(), 'x'), { contentType: 'text/plain' })).status).toBe(415);
    const get = await fetch(`http://127.0.0.1:${port}${PATH}`, { headers: { 'x-bot-api-secret-token': SECRET } });
    expect(get.status).toBe(405);
    expect(seen).toEqual([]);
  });

  it('an event without message, an unknown shape and an empty probe: 200, ignored', async () => {
    expect((await api.deliver(api.updates.unsupported(user(), false))).status).toBe(200);
    expect((await api.deliver('[1,2,3]')).status).toBe(200);
    expect((await api.deliver('', { contentType: 'text/plain' })).status).toBe(200);
    expect(seen).toEqual([]);
  });

  it('a shape the bot does not read is logged by its field names only, at warn', async () => {
    const body = JSON.stringify({ event: 'message.text.received', data: { text: 'Số liệu mật' } });
    expect((await api.deliver(body)).status).toBe(200);
    const warned = log.records().filter((r) => r.level === 40);
    expect(warned.map((r) => [r.reason, r.shape])).toEqual([
      ['not-an-update', { event: 'string', data: { text: 'string' } }],
    ]);
    expect(log.lines.join('')).not.toContain('Số liệu mật');
    expect(seen).toEqual([]);
  });

  it('a sticker in a private chat is handed on with empty text and its content flag', async () => {
    expect((await api.deliver(api.updates.sticker(user()))).status).toBe(200);
    expect(seen).toMatchObject([{ text: '', content: 'sticker', chatType: 'private' }]);
  });

  it('the same message twice is handled once', async () => {
    const update = api.updates.text(user(), '/baocao');
    expect((await api.deliver(update)).status).toBe(200);
    expect((await api.deliver(update, { shape: 'wrapped' })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('an update the engine could not record answers 500, and its redelivery is handled', async () => {
    results.push('unrecorded');
    const update = api.updates.text(user(), '/baocao');
    expect((await api.deliver(update)).status).toBe(500);
    expect((await api.deliver(update)).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('a body over 1 MiB is 413 without being read', async () => {
    const big = JSON.stringify({ event_name: 'message.text.received', message: { text: 'x'.repeat(1024 * 1024) } });
    expect((await api.deliver(big)).status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('a body streamed past 1 MiB (no length given) is 413 too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: PATH,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"text":"');
      for (let i = 0; i < 17; i++) req.write(chunk);
      req.end('"}');
    });
    expect(status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('a body not read within the time allowed is 408', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: PATH,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET, 'content-length': '100' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"event_name":');
      // ...and never the rest.
    });
    expect(status).toBe(408);
    expect(seen).toEqual([]);
  });
});
