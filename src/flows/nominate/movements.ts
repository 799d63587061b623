import type { Movement } from '../../domain/bloc.ts';
import { foldText } from '../../domain/text-fold.ts';

/** Folded, with punctuation turned into spaces: "Chuyển đổi số: chính quyền số" → "chuyen doi so chinh quyen so". */
function words(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The movements a typed answer names: its number, its id, or a beginning of its name without
 * diacritics ("chuyen doi so"). When no name begins so, words found inside a name count
 * ("nong thon moi"), so a person who remembers the middle of a long name still gets choices.
 */
export function matchMovements(movements: readonly Movement[], typed: string): Movement[] {
  const wanted = words(typed);
  if (!wanted) return [];
  const exact = movements.filter((m) => String(m.number) === wanted || m.id === typed.trim().toLowerCase());
  if (exact.length > 0) return exact;
  const starting = movements.filter((m) => words(m.name).startsWith(wanted));
  if (starting.length > 0) return starting;
  return movements.filter((m) => ` ${words(m.name)} `.includes(` ${wanted} `));
}

const YEAR_RANGE = /\s*\d{4}\s*[–-]\s*\d{4}\s*$/;
const SHORT_MAX = 40;

/**
 * A movement's name short enough for one line of a list: without its year range, up to its first
 * colon or semicolon ("Chuyển đổi số"), and cut at a word past 40 characters.
 */
export function movementShortName(movement: Movement): string {
  const name = movement.name.replace(YEAR_RANGE, '').split(/[:;]/)[0]?.trim() || movement.name;
  return clip(name, SHORT_MAX);
}

/** Cuts text at a word boundary to at most `max` characters, marking the cut with "…". */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,.;:–-]+$/, '')}…`;
}

export function findMovement(movements: readonly Movement[], id: string | undefined): Movement | undefined {
  return id ? movements.find((m) => m.id === id) : undefined;
}
