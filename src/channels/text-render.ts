import type { Reply } from '../app/messages.ts';
import { renderLabel, renderMessage } from '../i18n/render.ts';
import type { Lang } from '../app/messages.ts';

/**
 * Renders a reply for a channel without buttons (Zalo, the console): the text, then the choices as a
 * numbered list, so "2" (or the option's words) picks option 2. Numbers run across rows in order,
 * the same order the engine uses to read a numbered answer.
 */
export function renderPlainText(reply: Reply, lang: Lang): string {
  const text = renderMessage(reply, lang);
  const options = (reply.choices ?? []).flat();
  if (options.length === 0) return text;
  const lines = options.map((o, i) => `${i + 1}. ${renderLabel(o.label, lang)}`);
  return `${text}\n${lines.join('\n')}`;
}

/**
 * Splits text at a platform's limit (Telegram 4096, Zalo 2000 characters), at line breaks where it
 * can, so a long table arrives as several whole messages rather than being refused.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    current = line;
    while (current.length > limit) {
      // Never cut a surrogate pair (an emoji): Telegram and Zalo refuse half a character. (A limit
      // of 1 has to cut it: moving the cut to 0 would never end.)
      const code = current.charCodeAt(limit - 1);
      const cut = code >= 0xd800 && code <= 0xdbff && limit > 1 ? limit - 1 : limit;
      parts.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) parts.push(current);
  return parts;
}
