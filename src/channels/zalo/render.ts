import { msg, type Reply } from '../../app/messages.ts';
import type { Lang } from '../../app/messages.ts';
import { renderMessage } from '../../i18n/render.ts';
import { renderPlainText, splitText } from '../text-render.ts';

/**
 * Zalo's limit for texts and captions: 2000, counted here in UTF-16 units, the stricter of the two
 * readings the docs allow (code points never outnumber UTF-16 units).
 */
export const ZALO_TEXT_LIMIT = 2000;

/** One call a reply turns into. Images and documents still need the sender's hooks to go out. */
export type ZaloOutput =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; png: Uint8Array; caption?: string }
  | { kind: 'document'; fileName: string; caption?: string };

/**
 * Renders a reply as Zalo calls: plain text with the choices as a numbered list (Zalo has no
 * buttons; "2" picks the second option, as the engine reads it), split at 2000 on line breaks and
 * never inside a surrogate pair; then the image and the document, whose fate the sender decides.
 * NFC first: a name typed in decomposed form would otherwise count nearly double.
 */
export function renderForZalo(reply: Reply, lang: Lang): ZaloOutput[] {
  const outputs: ZaloOutput[] = textParts(renderPlainText(reply, lang)).map((text) => ({ kind: 'text', text }));
  if (reply.image) {
    const caption = reply.image.caption ? renderMessage(reply.image.caption, lang).normalize('NFC') : '';
    if (caption.trim() && caption.length <= ZALO_TEXT_LIMIT)
      outputs.push({ kind: 'photo', png: reply.image.png, caption });
    else outputs.push({ kind: 'photo', png: reply.image.png });
    // A caption too long for Zalo follows the photo as text rather than being cut.
    if (caption.length > ZALO_TEXT_LIMIT) outputs.push(...textParts(caption).map((text) => textOutput(text)));
  }
  if (reply.document) {
    const caption = reply.document.caption ? renderMessage(reply.document.caption, lang) : '';
    outputs.push({ kind: 'document', fileName: reply.document.fileName, ...(caption.trim() ? { caption } : {}) });
  }
  return outputs;
}

/**
 * What replaces a document on Zalo, which cannot send files: its caption, then a one-time download
 * link when the integrator can make one, or else a note to use Telegram or the CLI.
 */
export function documentFallback(
  output: { fileName: string; caption?: string },
  link: string | undefined,
  lang: Lang,
): ZaloOutput[] {
  const { fileName } = output;
  const notice = link
    ? msg('zalo.documentLink', { fileName, url: link })
    : msg('zalo.documentUnavailable', { fileName });
  const text = [output.caption, renderMessage(notice, lang)].filter(Boolean).join('\n\n');
  return textParts(text).map(textOutput);
}

/** Text split for Zalo, without parts that are only whitespace (Zalo refuses an empty text). */
export function textParts(text: string): string[] {
  const normalised = text.normalize('NFC');
  if (!normalised.trim()) return [];
  return splitText(normalised, ZALO_TEXT_LIMIT).filter((part) => part.trim().length > 0);
}

function textOutput(text: string): ZaloOutput {
  return { kind: 'text', text };
}
