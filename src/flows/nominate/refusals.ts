import { msg, reply, type Reply } from '../../app/messages.ts';
import type { NominationTextField, TextCheck } from '../../app/use-cases/nominate.ts';

/** Why a typed field was not taken: empty, too short or too long, with the limits and the length typed. */
export function refusalFor(field: NominationTextField, check: Exclude<TextCheck, { ok: true }>): Reply {
  const label = msg(`nominate.field.${field}`);
  if (check.reason === 'empty') return reply('nominate.text.empty', { field: label });
  return reply(`nominate.text.${check.reason}`, { field: label, length: check.length, min: check.min, max: check.max });
}
