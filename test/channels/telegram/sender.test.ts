import { Telegram } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { msg, reply } from '../../../src/app/messages.ts';
import { normaliseApiRoot } from '../../../src/channels/telegram/api-root.ts';
import { createTelegramSender } from '../../../src/channels/telegram/sender.ts';
import { FakeBotApi } from '../../fakes/fake-bot-api.ts';

let api: FakeBotApi;
beforeEach(async () => {
  api = await FakeBotApi.start({ basePath: '/proxy/tg' });
});
afterEach(async () => {
  await api.close();
});

function sender(options: { token?: string; timeoutMs?: number; apiRoot?: string } = {}) {
  const token = options.token ?? api.token;
  const telegram = new Telegram(token, { apiRoot: normaliseApiRoot(options.apiRoot ?? api.url) ?? '' });
  return createTelegramSender({ telegram, token, timeoutMs: options.timeoutMs ?? 5000 });
}

const hello = reply(
  'register.welcome',
  { name: '<b>&', binding: 'x' },
  { choices: [[{ id: '1|a', label: { text: 'A' } }]] },
);

describe('Telegram sender', () => {
  it('sends HTML with the keyboard, through an API root that has a path', async () => {
    // The message's id comes back: a later reply may edit it.
    expect(await sender().send('501', hello, 'vi')).toEqual({ ok: true, messageId: '1' });
    const [sent] = api.messagesTo(501);
    expect(sent).toMatchObject({
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: '1|a' }]] },
    });
    expect(sent?.text).toContain('&lt;b&gt;&amp;');
  });

  it('uploads an image and a document (multipart) after the text, bytes, names and captions intact', async () => {
    // A PNG signature then filler; an .xlsx is a zip ("PK\x03\x04").
    const png = new Uint8Array(2048).fill(7);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    const out = await sender().send(
      '501',
      reply(
        'language.ask',
        {},
        {
          image: { png, caption: msg('language.en') },
          document: { fileName: 'thidua-khoi-2023-06.xlsx', bytes: xlsx, caption: msg('language.vi') },
        },
      ),
      'vi',
    );
    expect(out).toEqual({ ok: true, messageId: '1' });
    const sent = api.messagesTo(501);
    expect(sent.map((m) => [m.method, m.size])).toEqual([
      ['sendMessage', undefined],
      ['sendPhoto', 2048],
      ['sendDocument', 10],
    ]);
    expect(sent[1]?.caption).toBe('English');
    expect(sent[1]?.file?.data.equals(Buffer.from(png))).toBe(true);
    expect(sent[2]?.caption).toBe('Tiếng Việt');
    expect(sent[2]?.file?.filename).toBe('thidua-khoi-2023-06.xlsx');
    expect(sent[2]?.file?.data.equals(Buffer.from(xlsx))).toBe(true);
  });

  it('a photo Telegram cannot read as an image is a permanent refusal', async () => {
    const out = await sender().send(
      '501',
      reply('language.ask', {}, { image: { png: new Uint8Array(64).fill(7) } }),
      'vi',
    );
    expect(out).toMatchObject({ ok: false, permanent: true, error: 'telegram 400: Bad Request: IMAGE_PROCESS_FAILED' });
  });

  it('429: waits retry_after', async () => {
    api.inject('sendMessage', { kind: 'status', status: 429, retryAfter: 3 });
    expect(await sender().send('501', hello, 'vi')).toMatchObject({ ok: false, permanent: false, retryAfterMs: 3000 });
    expect(api.messagesTo(501)).toHaveLength(0);
  });

  it('5xx, a dropped connection and a hung call are transient', async () => {
    api.inject('sendMessage', { kind: 'status', status: 502 });
    expect(await sender().send('501', hello, 'vi')).toMatchObject({ ok: false, permanent: false });
    api.inject('sendMessage', { kind: 'drop' });
    const dropped = await sender().send('501', hello, 'vi');
    expect(dropped).toMatchObject({ ok: false, permanent: false });
    api.inject('sendMessage', { kind: 'hang' });
    const started = Date.now();
    expect(await sender({ timeoutMs: 300 }).send('501', hello, 'vi')).toEqual({
      ok: false,
      permanent: false,
      error: 'telegram timeout',
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(api.messagesTo(501)).toHaveLength(0);
  });

  it('blocked, deactivated and chat not found are permanent refusals by the recipient', async () => {
    for (const [status, description] of [
      [403, 'Forbidden: bot was blocked by the user'],
      [403, 'Forbidden: user is deactivated'],
      [400, 'Bad Request: chat not found'],
    ] as const) {
      api.inject('sendMessage', { kind: 'status', status, description });
      expect(await sender().send('501', hello, 'vi')).toEqual({
        ok: false,
        permanent: true,
        recipientRefused: true,
        error: `telegram ${status}: ${description}`,
      });
    }
  });

  it('edits an earlier message in place when told its id (a broadcast counting up)', async () => {
    const first = await sender().send('501', reply('engine.cancelled'), 'vi');
    expect(first).toEqual({ ok: true, messageId: '1' });
    const edited = await sender().send('501', reply('engine.hint'), 'vi', { editMessageId: '1' });
    expect(edited).toEqual({ ok: true, messageId: '1' });
    expect(api.messagesTo(501)).toHaveLength(1);
    expect(api.messagesTo(501)[0]).toMatchObject({ edits: 1 });
    expect(api.callsOf('editMessageText')).toHaveLength(1);
  });

  it('any other 400 is our bad request: permanent, but never held against the recipient', async () => {
    api.inject('sendMessage', { kind: 'status', status: 400, description: "Bad Request: can't parse entities" });
    expect(await sender().send('501', hello, 'vi')).toEqual({
      ok: false,
      permanent: true,
      recipientRefused: false,
      error: "telegram 400: Bad Request: can't parse entities",
    });
  });

  it("a wrong token is transient (not the reader's fault) and never appears in the error", async () => {
    const token = '7000000001:AAWrongTokenWrongTokenWrongToken1234';
    const out = await sender({ token }).send('501', hello, 'vi');
    expect(out).toMatchObject({ ok: false, permanent: false });
    expect(JSON.stringify(out)).not.toContain(token);
  });

  it('an unreachable API is a transient network error without the token', async () => {
    const url = api.url;
    await api.close();
    const out = await sender({ apiRoot: url }).send('501', hello, 'vi');
    expect(out).toMatchObject({ ok: false, permanent: false });
    expect(JSON.stringify(out)).not.toContain(api.token);
    expect(JSON.stringify(out)).not.toContain(api.token.split(':')[1] ?? '-');
    api = await FakeBotApi.start();
  });

  it('follows a group that became a supergroup', async () => {
    api.inject('sendMessage', {
      kind: 'status',
      status: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      migrateTo: -100777,
    });
    expect(await sender().send('-42', hello, 'vi')).toEqual({ ok: true, messageId: '1' });
    expect(api.messagesTo(-100777)).toHaveLength(1);
  });
});
