import type { Choice, Label, Lang, Reply } from '../../app/messages.ts';
import { foldText } from '../../domain/text-fold.ts';
import type { Pending } from './session.ts';

/** Button data is `<nonce>|<option id>`: ASCII and well under Telegram's 64 bytes. */
const SEPARATOR = '|';

export interface PendingTools {
  lang: Lang;
  labelText(label: Label, lang: Lang): string;
  randomBytes(size: number): Uint8Array;
}

/**
 * Gives the choices of an outcome's replies a fresh nonce and returns them as the pending question,
 * so a numbered reply ("2") or the option's words pick an option, and a button from an earlier
 * question is recognised as stale. The nonce is the session's counter plus random characters: a
 * counter alone repeats after a reset, and an old "send" button could then send a newer draft.
 */
export function attachPending(
  seq: number,
  replies: Reply[],
  tools: PendingTools,
  expects: 'figure' | 'choice' | 'text' | undefined,
): { seq: number; pending?: Pending; replies: Reply[] } {
  const options: Choice[] = replies.flatMap((r) => (r.choices ?? []).flat());
  if (options.length === 0) return { seq, replies };
  const next = seq + 1;
  const nonce = `${next.toString(36)}${randomTag(tools.randomBytes(3))}`;
  const pending: Pending = {
    nonce,
    optionIds: options.map((o) => o.id),
    optionWords: options.map((o) => foldText(tools.labelText(o.label, tools.lang))),
    numbered: expects !== 'figure',
  };
  const tagged = replies.map((r) =>
    r.choices
      ? { ...r, choices: r.choices.map((row) => row.map((c) => ({ ...c, id: `${nonce}${SEPARATOR}${c.id}` }))) }
      : r,
  );
  return { seq: next, pending, replies: tagged };
}

/** A button a job sends (a reminder's "report now"): it carries a command, not an answer. */
export const COMMAND_BUTTON_PREFIX = 'cmd:';

/**
 * The command a job's button carries (`cmd:baocao:2023-06` → `baocao 2023-06`): accepted outside
 * any pending question, because the message that carries it was not an answer to one.
 */
export function commandFromButton(data: string): { name: string; args: string } | undefined {
  if (!data.startsWith(COMMAND_BUTTON_PREFIX)) return undefined;
  const [name = '', ...args] = data.slice(COMMAND_BUTTON_PREFIX.length).split(':');
  return /^[a-z]{1,32}$/.test(name) ? { name, args: args.join(' ') } : undefined;
}

export type OptionPick =
  { type: 'option'; optionId: string } | { type: 'stale' } | { type: 'outOfRange'; count: number } | { type: 'none' };

/** A button press: valid only if it belongs to the question now awaited. */
export function pickFromButton(pending: Pending | undefined, data: string): OptionPick {
  const at = data.indexOf(SEPARATOR);
  if (!pending || at < 0 || data.slice(0, at) !== pending.nonce) return { type: 'stale' };
  const id = data.slice(at + 1);
  return pending.optionIds.includes(id) ? { type: 'option', optionId: id } : { type: 'stale' };
}

/**
 * A typed answer: "2" picks option 2 where options are shown numbered (not on a figure step, not
 * where the channel shows buttons), or the option's words anywhere.
 */
export function pickFromText(pending: Pending | undefined, text: string, buttons = false): OptionPick {
  if (!pending) return { type: 'none' };
  const folded = foldText(text);
  if (pending.numbered && !buttons && /^\d{1,2}$/.test(folded)) {
    const n = Number(folded);
    const id = pending.optionIds[n - 1];
    return id ? { type: 'option', optionId: id } : { type: 'outOfRange', count: pending.optionIds.length };
  }
  const at = pending.optionWords.indexOf(folded);
  const id = at >= 0 ? pending.optionIds[at] : undefined;
  return id ? { type: 'option', optionId: id } : { type: 'none' };
}

const TAG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
function randomTag(bytes: Uint8Array): string {
  let tag = '';
  for (const b of bytes) tag += TAG_ALPHABET[b % TAG_ALPHABET.length];
  return tag;
}
