import { describe, expect, it } from 'vitest';
import { parseZaloJson } from '../../../src/channels/zalo/json.ts';
import { parseUpdate, toInbound, unwrapUpdate } from '../../../src/channels/zalo/to-inbound.ts';

const NOW = new Date('2026-12-10T03:00:00Z');

const textMessage = {
  message_id: '0f3c2a9b8e7d6c5b4a39',
  date: 1765335600000,
  chat: { id: '6ede9afa66b88fe6d6a9', chat_type: 'PRIVATE' },
  from: { id: '6ede9afa66b88fe6d6a9', display_name: 'Nguyễn Thị Lan', is_bot: false },
  text: '/baocao',
};

describe('Zalo update → Inbound', () => {
  it('reads a flat webhook body and a wrapped getUpdates body alike', () => {
    const expected = {
      channel: 'zalo',
      chatId: '6ede9afa66b88fe6d6a9',
      chatType: 'private',
      userId: '6ede9afa66b88fe6d6a9',
      displayName: 'Nguyễn Thị Lan',
      text: '/baocao',
      updateId: '6ede9afa66b88fe6d6a9:0f3c2a9b8e7d6c5b4a39',
      at: new Date(1765335600000),
      content: 'text',
      groupsUnsupported: true,
      mustSayAutomated: true,
    };
    const flat = { event_name: 'message.text.received', message: textMessage };
    expect(toInbound(flat, { now: NOW })).toEqual(expected);
    expect(toInbound({ ok: true, result: flat }, { now: NOW })).toEqual(expected);
  });

  it('takes a date in seconds as seconds, and no date as now', () => {
    const seconds = { event_name: 'message.text.received', message: { ...textMessage, date: 1765335600 } };
    expect(toInbound(seconds)?.at).toEqual(new Date('2025-12-10T03:00:00Z'));
    const none = { event_name: 'message.text.received', message: { ...textMessage, date: undefined } };
    expect(toInbound(none, { now: NOW })?.at).toEqual(NOW);
  });

  it('a photo in photo_url or in photo becomes photoRef, with the caption as text', () => {
    const base = { ...textMessage, text: undefined, caption: 'Ảnh tập thể', message_type: 'CHAT_PHOTO' };
    const live = { event_name: 'message.image.received', message: { ...base, photo_url: 'https://f.zdn.vn/a.jpg' } };
    const docs = { event_name: 'message.image.received', message: { ...base, photo: 'https://f.zdn.vn/b.jpg' } };
    expect(toInbound(live)).toMatchObject({
      content: 'image',
      photoRef: 'https://f.zdn.vn/a.jpg',
      text: 'Ảnh tập thể',
    });
    expect(toInbound(docs)).toMatchObject({ content: 'image', photoRef: 'https://f.zdn.vn/b.jpg' });
    expect(toInbound(live)?.unreadable).toBeUndefined();
  });

  it('a sticker, a voice note or withheld content: empty text and a content flag', () => {
    for (const [event, content] of [
      ['message.sticker.received', 'sticker'],
      ['message.voice.received', 'voice'],
      ['message.unsupported.received', 'unsupported'],
    ] as const) {
      const inbound = toInbound({ event_name: event, message: { ...textMessage, text: undefined } });
      expect(inbound).toMatchObject({ text: '', content, chatType: 'private', unreadable: 'content' });
      expect(inbound?.photoRef).toBeUndefined();
    }
  });

  it('an event without message is ignored; so is anything that is not an update', () => {
    expect(parseUpdate({ event_name: 'message.unsupported.received' })).toEqual({
      kind: 'ignored',
      reason: 'no-message',
    });
    expect(parseUpdate([1, 2])).toEqual({ kind: 'ignored', reason: 'not-an-update' });
    expect(parseUpdate({ ok: false, error_code: 408 })).toEqual({ kind: 'ignored', reason: 'not-an-update' });
    expect(parseUpdate(null)).toEqual({ kind: 'ignored', reason: 'not-an-update' });
    expect(unwrapUpdate({ ok: true, result: null })).toBeUndefined();
  });

  it("the bot's own messages are never read back", () => {
    const own = { ...textMessage, from: { id: '1459232241454765289', display_name: 'Bot', is_bot: false } };
    expect(
      parseUpdate({ event_name: 'message.text.received', message: own }, { botId: '1459232241454765289' }),
    ).toEqual({
      kind: 'ignored',
      reason: 'own-message',
    });
    const bot = { ...textMessage, from: { ...textMessage.from, is_bot: true } };
    expect(toInbound({ event_name: 'message.text.received', message: bot })).toBeUndefined();
  });

  it('a group mention is a group inbound; the name falls back to `name`, then the id', () => {
    const group = {
      ...textMessage,
      chat: { id: 'a1b2c3d4e5f6a7b8c9d0', chat_type: 'GROUP' },
      from: { id: '6ede9afa66b88fe6d6a9', name: 'Lan' },
      text: '@Bot Thi đua /baocao',
    };
    expect(toInbound({ event_name: 'message.text.received', message: group })).toMatchObject({
      chatType: 'group',
      chatId: 'a1b2c3d4e5f6a7b8c9d0',
      userId: '6ede9afa66b88fe6d6a9',
      displayName: 'Lan',
      text: '@Bot Thi đua /baocao',
    });
    const anonymous = { ...textMessage, from: { id: '6ede9afa66b88fe6d6a9' } };
    expect(toInbound({ event_name: 'message.text.received', message: anonymous })?.displayName).toBe(
      '6ede9afa66b88fe6d6a9',
    );
  });

  it('a message without an id still gets a stable id, so a redelivery dedupes', () => {
    const noId = { event_name: 'message.text.received', message: { ...textMessage, message_id: undefined } };
    const first = toInbound(noId)?.updateId;
    expect(first).toMatch(/^6ede9afa66b88fe6d6a9:h[0-9a-f]{24}$/);
    expect(toInbound(structuredClone(noId))?.updateId).toBe(first);
    const other = { ...noId, message: { ...noId.message, text: '/xem' } };
    expect(toInbound(other)?.updateId).not.toBe(first);
  });

  it('an unknown event name is read by what the message holds', () => {
    expect(toInbound({ event_name: 'message.link.received', message: textMessage })?.content).toBe('text');
    expect(toInbound({ event_name: 'message.text.received', message: { ...textMessage, text: 5 } })?.content).toBe(
      'unsupported',
    );
  });
});

describe('parseZaloJson', () => {
  it('keeps an unquoted id past 2^53 exactly, and leaves text and other numbers alone', () => {
    const parsed = parseZaloJson(
      '{"ok":true,"result":{"id": 1459232241454765289,"date":1765335600000,"text":"say \\"id\\": 5"}}',
    ) as { result: { id: unknown; date: unknown; text: unknown } };
    expect(parsed.result).toEqual({ id: '1459232241454765289', date: 1765335600000, text: 'say "id": 5' });
  });
});
