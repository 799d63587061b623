import { describe, expect, it } from 'vitest';
import { msg, reply } from '../../../src/app/messages.ts';
import { documentFallback, renderForZalo, ZALO_TEXT_LIMIT } from '../../../src/channels/zalo/render.ts';
import { attachPending, pickFromText } from '../../../src/flows/engine/pending.ts';
import { t } from '../../../src/i18n/i18n.ts';
import { renderLabel } from '../../../src/i18n/render.ts';

const texts = (outs: ReturnType<typeof renderForZalo>) => outs.map((o) => (o.kind === 'text' ? o.text : `[${o.kind}]`));

describe('renderForZalo', () => {
  it('numbers the choices across rows, never as buttons, and the engine reads the same numbers', () => {
    const choices = [
      [
        { id: 'vi', label: msg('language.vi') },
        { id: 'en', label: msg('language.en') },
      ],
      [{ id: 'x', label: { text: 'Si Ma Cai' } }],
    ];
    const tools = { lang: 'vi' as const, labelText: renderLabel, randomBytes: () => new Uint8Array([1, 2, 3]) };
    const { pending, replies } = attachPending(0, [reply('language.ask', {}, { choices })], tools, 'choice');
    const outs = renderForZalo(replies[0]!, 'vi');
    expect(outs).toEqual([{ kind: 'text', text: `${t('language.ask')}\n1. Tiếng Việt\n2. English\n3. Si Ma Cai` }]);
    // "3" in the chat picks the third line shown: the ids the engine tagged end in the option id.
    const third = pickFromText(pending, '3');
    expect(third.type === 'option' && third.optionId).toBe('x');
    const second = pickFromText(pending, '2');
    expect(second.type === 'option' && second.optionId).toBe('en');
  });

  it('a reply of 2,001 characters becomes two texts, cut at the line break', () => {
    const role = `${'a'.repeat(1500)}\n${'b'.repeat(100)}`;
    // "{role} — {bloc}": 1500 + 1 + 100 + 3 + 397 = 2001 units.
    const outs = renderForZalo(reply('common.binding', { role, bloc: 'c'.repeat(397) }), 'vi');
    expect(texts(outs)).toEqual(['a'.repeat(1500), `${'b'.repeat(100)} — ${'c'.repeat(397)}`]);
  });

  it('never cuts a surrogate pair: the emoji moves whole to the next part', () => {
    const outs = renderForZalo(reply('common.binding', { role: `${'a'.repeat(1999)}😀`, bloc: 'z' }), 'vi');
    expect(texts(outs)).toEqual(['a'.repeat(1999), '😀 — z']);
    for (const text of texts(outs)) expect(text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
  });

  it('composes decomposed Vietnamese (NFC) before counting', () => {
    const decomposed = 'Bắc Hà'.normalize('NFD');
    const [out] = renderForZalo(reply('common.binding', { role: decomposed, bloc: 'x' }), 'vi');
    expect(out).toEqual({ kind: 'text', text: 'Bắc Hà — x'.normalize('NFC') });
  });

  it('an image follows the text with its caption; a document is left for the sender', () => {
    const png = new Uint8Array([1]);
    const outs = renderForZalo(
      reply(
        'language.ask',
        {},
        {
          image: { png, caption: msg('language.en') },
          document: { fileName: 'bao-cao.xlsx', bytes: new Uint8Array(3), caption: msg('language.vi') },
        },
      ),
      'vi',
    );
    expect(outs).toEqual([
      { kind: 'text', text: t('language.ask') },
      { kind: 'photo', png, caption: 'English' },
      { kind: 'document', fileName: 'bao-cao.xlsx', caption: 'Tiếng Việt' },
    ]);
  });

  it('a caption over 2000 follows the photo as text instead of being cut', () => {
    const png = new Uint8Array([1]);
    const long = msg('common.binding', { role: 'r'.repeat(2100), bloc: 'b' });
    const outs = renderForZalo(reply('language.ask', {}, { image: { png, caption: long } }), 'vi');
    expect(outs.map((o) => o.kind)).toEqual(['text', 'photo', 'text', 'text']);
    expect(outs[1]).toEqual({ kind: 'photo', png });
  });

  it('replaces a document by its caption and a link, or a note to use Telegram or the CLI', () => {
    const output = { fileName: 'bao-cao.xlsx', caption: 'Số liệu tháng 6' };
    expect(documentFallback(output, 'https://bot.example/t/abc', 'vi')).toEqual([
      {
        kind: 'text',
        text: `Số liệu tháng 6\n\n${t('zalo.documentLink', { fileName: 'bao-cao.xlsx', url: 'https://bot.example/t/abc' })}`,
      },
    ]);
    expect(documentFallback({ fileName: 'a.xlsx' }, undefined, 'en')).toEqual([
      { kind: 'text', text: t('zalo.documentUnavailable', { fileName: 'a.xlsx' }, 'en') },
    ]);
  });
});
