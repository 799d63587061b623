import type { InlineKeyboardButton } from 'telegraf/types';
import type { Choice, Reply } from '../../app/messages.ts';
import type { Lang } from '../../app/messages.ts';
import { renderLabel, renderMessage } from '../../i18n/render.ts';
import { splitText } from '../text-render.ts';

/** Telegram's limits, counted after entity parsing (https://core.telegram.org/bots/api#sendmessage). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_LIMIT = 64;

/** One Bot API call a reply turns into, with every text already HTML-escaped. */
export type TelegramOutput =
  | { kind: 'text'; text: string; keyboard?: InlineKeyboardButton[][] }
  | { kind: 'photo'; png: Uint8Array; caption?: string }
  | { kind: 'document'; fileName: string; bytes: Uint8Array; caption?: string };

/**
 * Our texts carry no markup of their own, so the whole rendered text is escaped: names typed by
 * people and units from the bloc file can never be read as tags (`<b>&` arrives as typed).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders a reply as Telegram calls (sent with `parse_mode: 'HTML'`): the text split at 4096
 * characters (split first, escape after, so no part is cut inside an entity) with the choices as an
 * inline keyboard on the last part; then the image (sendPhoto) and the document (sendDocument),
 * whose captions past 1024 characters follow as text instead.
 */
export function renderForTelegram(reply: Reply, lang: Lang): TelegramOutput[] {
  const outputs: TelegramOutput[] = [];
  const text = renderMessage(reply, lang);
  const keyboard = reply.choices && reply.choices.length > 0 ? inlineKeyboard(reply.choices, lang) : undefined;
  const parts = text.trim() ? splitText(text, TEXT_LIMIT) : [];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    outputs.push(
      last && keyboard ? { kind: 'text', text: escapeHtml(part), keyboard } : { kind: 'text', text: escapeHtml(part) },
    );
  });
  if (reply.image) {
    const { caption, overflow } = fitCaption(reply.image.caption ? renderMessage(reply.image.caption, lang) : '');
    outputs.push(caption ? { kind: 'photo', png: reply.image.png, caption } : { kind: 'photo', png: reply.image.png });
    outputs.push(...overflow);
  }
  if (reply.document) {
    const { fileName, bytes } = reply.document;
    const { caption, overflow } = fitCaption(reply.document.caption ? renderMessage(reply.document.caption, lang) : '');
    outputs.push(caption ? { kind: 'document', fileName, bytes, caption } : { kind: 'document', fileName, bytes });
    outputs.push(...overflow);
  }
  return outputs;
}

function fitCaption(plain: string): { caption?: string; overflow: TelegramOutput[] } {
  if (!plain.trim()) return { overflow: [] };
  if (plain.length <= CAPTION_LIMIT) return { caption: escapeHtml(plain), overflow: [] };
  return { overflow: splitText(plain, TEXT_LIMIT).map((part) => ({ kind: 'text', text: escapeHtml(part) })) };
}

/** Button labels are shown as plain text by Telegram (no parse mode), so they are not escaped. */
export function inlineKeyboard(rows: Choice[][], lang: Lang): InlineKeyboardButton[][] {
  return rows
    .filter((row) => row.length > 0)
    .map((row) =>
      row.map((choice) => ({ text: renderLabel(choice.label, lang), callback_data: callbackData(choice.id) })),
    );
}

/**
 * Callback data must be 1–64 bytes. The engine's ids (`<nonce>|<option>`) are ASCII and short; should
 * one ever be longer, it is cut at a character boundary: pressing it then reads as a stale button
 * (the engine matches ids exactly), never as another option, and typing the number still works.
 */
export function callbackData(id: string): string {
  if (Buffer.byteLength(id, 'utf8') <= CALLBACK_DATA_LIMIT) return id || '-';
  let out = '';
  for (const ch of id) {
    if (Buffer.byteLength(out + ch, 'utf8') > CALLBACK_DATA_LIMIT) break;
    out += ch;
  }
  return out;
}
