import type { MemberUnit } from '../../domain/bloc.ts';
import { matchUnit } from '../../domain/unit-match.ts';

/** A unit's name is a few words at most ("thanh pho lao cai"). */
const MAX_UNIT_WORDS = 4;

/** What `/thongbao` was given: the text for every unit, for one unit, or a unit that is not found. */
export type BroadcastTarget =
  | { type: 'all'; text: string }
  | { type: 'unit'; unitId: string; text: string }
  | { type: 'unknownUnit'; typed: string };

/**
 * `<text>` or `@<unit> <text>`. The unit is an id (`@si-ma-cai`) or a name of several words
 * (`@si ma cai`): the longest run of up to four words after `@` that names one unit is taken, and
 * the text is the rest as typed (its line breaks kept).
 */
export function broadcastTarget(args: string, units: readonly MemberUnit[]): BroadcastTarget {
  const trimmed = args.trim();
  if (!trimmed.startsWith('@')) return { type: 'all', text: trimmed };
  const rest = trimmed.slice(1);
  const words = [...rest.matchAll(/\S+/g)].slice(0, MAX_UNIT_WORDS);
  for (let n = words.length; n >= 1; n--) {
    const last = words[n - 1];
    if (!last) continue;
    const end = (last.index ?? 0) + last[0].length;
    const match = matchUnit(units, rest.slice(0, end));
    if (match.type === 'unit') return { type: 'unit', unitId: match.unit.id, text: rest.slice(end).trim() };
  }
  return { type: 'unknownUnit', typed: words[0]?.[0] ?? '' };
}
