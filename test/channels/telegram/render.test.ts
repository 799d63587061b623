import { describe, expect, it } from 'vitest';
import { msg, reply } from '../../../src/app/messages.ts';
import { callbackData, escapeHtml, renderForTelegram, TEXT_LIMIT } from '../../../src/channels/telegram/render.ts';
import { t } from '../../../src/i18n/i18n.ts';

describe('renderForTelegram', () => {
  it('escapes every piece of text: names typed by people arrive as typed', () => {
    const [out] = renderForTelegram(
      reply('register.welcome', {
        name: '<b>&',
        binding: msg('common.binding', { role: msg('roles.focal'), bloc: 'A < B' }),
      }),
      'vi',
    );
    expect(out?.kind).toBe('text');
    const text = out?.kind === 'text' ? out.text : '';
    expect(text).toContain('&lt;b&gt;&amp;');
    expect(text).toContain('A &lt; B');
    expect(text).not.toMatch(/<|>|&(?!amp;|lt;|gt;)/);
  });

  it('puts choices on an inline keyboard with the engine ids as callback data, labels unescaped', () => {
    const choices = [
      [
        { id: '1|vi', label: msg('language.vi') },
        { id: '1|en', label: { text: 'A & <B>' } },
      ],
    ];
    const [out] = renderForTelegram(reply('language.ask', {}, { choices }), 'vi');
    expect(out).toEqual({
      kind: 'text',
      text: escapeHtml(t('language.ask')),
      keyboard: [
        [
          { text: t('language.vi'), callback_data: '1|vi' },
          { text: 'A & <B>', callback_data: '1|en' },
        ],
      ],
    });
  });

  it('splits long text at 4096 characters with the keyboard on the last part only', () => {
    const line = 'x'.repeat(99);
    const lines = Array.from({ length: 90 }, (_, i) => `${i} ${line} <&>`);
    const choices = [[{ id: 'a|1', label: { text: 'Một' } }]];
    const outs = renderForTelegram(reply('engine.unknownCommand', { command: lines.join('\n') }, { choices }), 'vi');
    expect(outs.length).toBeGreaterThan(2);
    for (const [i, out] of outs.entries()) {
      if (out.kind !== 'text') throw new Error('text expected');
      // The limit counts characters after entity parsing: the unescaped length.
      const parsed = out.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(parsed.length).toBeLessThanOrEqual(TEXT_LIMIT);
      expect(Boolean(out.keyboard)).toBe(i === outs.length - 1);
    }
    const joined = outs.map((o) => (o.kind === 'text' ? o.text : '')).join('\n');
    expect(joined).toContain(escapeHtml(lines[89] ?? ''));
  });

  it('sends an image as a photo with its caption, and a long caption as text after it', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const outs = renderForTelegram(
      reply('language.ask', {}, { image: { png, caption: msg('engine.unknownCommand', { command: '<x>' }) } }),
      'vi',
    );
    expect(outs.map((o) => o.kind)).toEqual(['text', 'photo']);
    expect(outs[1]).toMatchObject({
      kind: 'photo',
      caption: escapeHtml(t('engine.unknownCommand', { command: '<x>' })),
    });
    const long = renderForTelegram(
      reply(
        'language.ask',
        {},
        { image: { png, caption: msg('engine.unknownCommand', { command: 'y'.repeat(1100) }) } },
      ),
      'vi',
    );
    expect(long.map((o) => o.kind)).toEqual(['text', 'photo', 'text']);
    expect(long[1]).not.toHaveProperty('caption');
  });

  it('sends a document with its file name', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const outs = renderForTelegram(reply('language.ask', {}, { document: { fileName: 'so-lieu.xlsx', bytes } }), 'en');
    expect(outs[1]).toEqual({ kind: 'document', fileName: 'so-lieu.xlsx', bytes });
  });
});

describe('callbackData', () => {
  it('keeps ASCII ids up to 64 bytes and cuts longer ones at a character boundary', () => {
    expect(callbackData('k|si-ma-cai')).toBe('k|si-ma-cai');
    expect(callbackData('a'.repeat(64))).toHaveLength(64);
    expect(callbackData('a'.repeat(80))).toBe('a'.repeat(64));
    const cut = callbackData(`${'a'.repeat(63)}ệ`);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(64);
    expect(cut).toBe('a'.repeat(63));
  });
});
