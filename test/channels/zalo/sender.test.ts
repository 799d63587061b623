import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { msg, reply, type Reply } from '../../../src/app/messages.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { createZaloSender, type ZaloSenderOptions } from '../../../src/channels/zalo/sender.ts';
import { t } from '../../../src/i18n/i18n.ts';
import { FAKE_ZALO_SECRET_PART, FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { captureLogger } from '../../support/log-capture.ts';

const CHAT = '6ede9afa66b88fe6d6a9';
let api: FakeZaloApi;
let log: ReturnType<typeof captureLogger>;
beforeEach(async () => {
  api = await FakeZaloApi.start({ photoFetches: 2 });
  log = captureLogger();
});
afterEach(async () => {
  await api.close();
});

function sender(options: Partial<ZaloSenderOptions> & { timeoutMs?: number } = {}) {
  const client = new ZaloClient({ token: api.token, baseUrl: api.url, defaultTimeoutMs: options.timeoutMs ?? 5000 });
  return createZaloSender({ client, logger: log.logger, retryDelaysMs: [1, 1], random: () => 0, ...options });
}

const question = reply(
  'language.ask',
  {},
  {
    choices: [
      [
        { id: 'n1|vi', label: msg('language.vi') },
        { id: 'n1|en', label: msg('language.en') },
      ],
    ],
  },
);

describe('Zalo sender', () => {
  it('sends choices as a numbered text, with nothing but chat_id and text', async () => {
    expect(await sender().send(CHAT, question, 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(CHAT).map((m) => m.text)).toEqual([`${t('language.ask')}\n1. Tiếng Việt\n2. English`]);
    expect(api.callsOf('sendMessage').map((c) => Object.keys(c.params).sort())).toEqual([['chat_id', 'text']]);
    expect(api.refused).toEqual([]);
  });

  it('a 2,001-character reply goes as two sends, in order', async () => {
    const role = `${'a'.repeat(1500)}\n${'b'.repeat(100)}`;
    const long = reply('common.binding', { role, bloc: 'c'.repeat(397) });
    expect(await sender().send(CHAT, long, 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(CHAT).map((m) => m.text?.length)).toEqual([1500, 500]);
    expect(api.refused).toEqual([]);
  });

  it('never splits a surrogate pair across two sends (the fake refuses half of one)', async () => {
    const emoji = reply('common.binding', { role: `${'a'.repeat(1999)}😀`, bloc: 'z' });
    expect(await sender().send(CHAT, emoji, 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(CHAT).map((m) => m.text)).toEqual(['a'.repeat(1999), '😀 — z']);
    expect(api.refused).toEqual([]);
  });

  it('429 "Quota exceeded" (no Retry-After) is transient with a wait that grows, reset by a success', async () => {
    const s = sender();
    api.inject('sendMessage', { kind: 'error', code: 429 }, 2);
    expect(await s.send(CHAT, question, 'vi')).toMatchObject({ ok: false, permanent: false, retryAfterMs: 5000 });
    expect(await s.send(CHAT, question, 'vi')).toMatchObject({ ok: false, permanent: false, retryAfterMs: 15_000 });
    expect(await s.send(CHAT, question, 'vi')).toEqual({ ok: true });
    api.inject('sendMessage', { kind: 'error', code: 429, status: 429 });
    expect(await s.send(CHAT, question, 'vi')).toMatchObject({ ok: false, retryAfterMs: 5000 });
    expect(api.messagesTo(CHAT)).toHaveLength(1);
  });

  it('5xx pages and dropped connections are retried within the budget, then left to the outbox', async () => {
    api.inject('sendMessage', { kind: 'html', status: 502 });
    api.inject('sendMessage', { kind: 'drop' });
    expect(await sender().send(CHAT, question, 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(CHAT)).toHaveLength(1);

    api.inject('sendMessage', { kind: 'html', status: 503 }, 3);
    const out = await sender().send(CHAT, question, 'vi');
    expect(out).toMatchObject({ ok: false, permanent: false });
    expect(out.ok || out.retryAfterMs).toBeUndefined();
    expect(api.callsOf('sendMessage')).toHaveLength(3 + 3);
  });

  it('a send that times out is reported, not retried at once (it may have arrived)', async () => {
    api.inject('sendMessage', { kind: 'hang' });
    const out = await sender({ timeoutMs: 200 }).send(CHAT, question, 'vi');
    expect(out).toMatchObject({ ok: false, permanent: false });
    expect(!out.ok && out.error).toMatch(/^zalo timeout/);
    expect(api.callsOf('sendMessage')).toHaveLength(1);
  });

  it('401/403 is our token: transient, logged loudly, and the integrator is told', async () => {
    const onAuthFailure = vi.fn();
    api.inject('sendMessage', { kind: 'error', code: 401 });
    api.inject('sendMessage', { kind: 'error', code: 403 });
    const s = sender({ onAuthFailure });
    expect(await s.send(CHAT, question, 'vi')).toMatchObject({ ok: false, permanent: false });
    expect(await s.send(CHAT, question, 'vi')).toMatchObject({ ok: false, permanent: false });
    expect(onAuthFailure.mock.calls.map(([e]) => (e as { code: number }).code)).toEqual([401, 403]);
    const errors = log.records().filter((r) => r.level === 50);
    expect(errors).toHaveLength(2);
    expect(String(errors[0]?.msg)).toContain('ZALO_BOT_TOKEN');
    expect(log.lines.join('')).not.toContain(FAKE_ZALO_SECRET_PART);
  });

  it('a refused recipient (400 for this chat) is permanent and names the recipient, with Zalo’s description kept', async () => {
    api.refusedChats.set(CHAT, { code: 400, description: 'User has not interacted with the bot' });
    const out = await sender().send(CHAT, question, 'vi');
    expect(out).toEqual({
      ok: false,
      permanent: true,
      recipientRefused: true,
      error: 'zalo sendMessage: 400 User has not interacted with the bot',
    });
  });

  describe('images', () => {
    let images: Server;
    let hits: string[];
    let base: string;
    beforeEach(async () => {
      hits = [];
      images = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([137, 80, 78, 71]));
      });
      await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(images.address() as AddressInfo).port}/pub`;
    });
    afterEach(async () => {
      await new Promise<void>((resolve) => images.close(() => resolve()));
    });

    const chart: Reply = reply(
      'language.ask',
      {},
      { image: { png: new Uint8Array([1, 2]), caption: msg('language.en') } },
    );

    it('go by sendPhoto with a URL under PUBLIC_BASE_URL, which Zalo may fetch more than once', async () => {
      const publishImage = vi.fn(async () => 'charts/k7Qx.png');
      expect(await sender({ publicBaseUrl: `${base}/`, images: { publishImage } }).send(CHAT, chart, 'vi')).toEqual({
        ok: true,
      });
      expect(api.messagesTo(CHAT).map((m) => [m.method, m.photo, m.caption, m.photoFetches])).toEqual([
        ['sendMessage', undefined, undefined, undefined],
        ['sendPhoto', `${base}/charts/k7Qx.png`, 'English', [200, 200]],
      ]);
      expect(hits).toEqual(['/pub/charts/k7Qx.png', '/pub/charts/k7Qx.png']);
    });

    it('without PUBLIC_BASE_URL, a publisher, or a published URL, the text goes alone', async () => {
      const publishImage = vi.fn(async () => undefined);
      expect(await sender({ images: { publishImage } }).send(CHAT, chart, 'vi')).toEqual({ ok: true });
      expect(await sender({ publicBaseUrl: base, images: { publishImage } }).send(CHAT, chart, 'vi')).toEqual({
        ok: true,
      });
      expect(publishImage).toHaveBeenCalledTimes(1);
      expect(api.messagesTo(CHAT).map((m) => m.method)).toEqual(['sendMessage', 'sendMessage']);
    });

    it('an image Zalo refuses does not fail the reply (the reader is not at fault)', async () => {
      api.inject('sendPhoto', { kind: 'error', code: 400, description: 'photo could not be downloaded' });
      const s = sender({ publicBaseUrl: base, images: { publishImage: async () => 'x.png' } });
      expect(await s.send(CHAT, chart, 'vi')).toEqual({ ok: true });
      expect(log.records().some((r) => r.level === 40 && String(r.msg).includes('image'))).toBe(true);
    });
  });

  it('a document becomes its caption and a link from the hook, or the note to use Telegram or the CLI', async () => {
    const doc = reply(
      'language.ask',
      {},
      { document: { fileName: 'bao-cao.xlsx', bytes: new Uint8Array(4), caption: msg('language.vi') } },
    );
    const documentLink = vi.fn(async () => 'https://bot.example/t/once-abc');
    expect(await sender({ documentLink }).send(CHAT, doc, 'vi')).toEqual({ ok: true });
    expect(documentLink).toHaveBeenCalledWith(doc);
    expect(await sender().send(CHAT, doc, 'vi')).toEqual({ ok: true });
    expect(api.messagesTo(CHAT).map((m) => m.text)).toEqual([
      t('language.ask'),
      `Tiếng Việt\n\n${t('zalo.documentLink', { fileName: 'bao-cao.xlsx', url: 'https://bot.example/t/once-abc' })}`,
      t('language.ask'),
      `Tiếng Việt\n\n${t('zalo.documentUnavailable', { fileName: 'bao-cao.xlsx' })}`,
    ]);
  });
});
