import type { Bloc, MemberUnit } from '../domain/bloc.ts';
import type { Role } from '../domain/roles.ts';
import { foldText } from '../domain/text-fold.ts';
import { matchUnit } from '../domain/unit-match.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageSource } from './console-input.ts';

/** Who the console speaks as: a role, and a unit for a focal point (design.md, Arguments in chat). */
export interface As {
  role: Role;
  unitId?: string;
}

/** The role words of design.md ("Arguments in chat"), folded and without spaces ("thư ký" → thuky). */
const ROLE_WORDS: Record<string, Role> = {
  daumoi: 'focal',
  focal: 'focal',
  lanhdao: 'leader',
  leader: 'leader',
  thuky: 'secretariat',
  secretariat: 'secretariat',
};

const ROLES: readonly Role[] = ['focal', 'leader', 'secretariat'];

/** The role typed: its number in the menu, a role word, or the first words of its name ("thư ký"). */
export function roleOf(text: string): Role | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  if (/^\d+$/.test(folded)) return ROLES[Number(folded) - 1];
  const word = ROLE_WORDS[folded.replace(/[\s_-]/g, '')];
  if (word) return word;
  return ROLES.find((role) => {
    const name = foldText(t(`roles.${role}`));
    return name === folded || name.startsWith(`${folded} `);
  });
}

/** The units of the bloc's latest year: the console plays someone of today. */
export function latestUnits(bloc: Bloc): MemberUnit[] {
  return [...bloc.years].sort((a, b) => b.year - a.year)[0]?.units ?? [];
}

/** `--as <unit>:<role>` (`-` or nothing before the colon: no unit; a focal point needs one). */
export function parseAs(bloc: Bloc, text: string): As | undefined {
  const colon = text.lastIndexOf(':');
  const unitWord = colon < 0 ? text : text.slice(0, colon);
  const role = colon < 0 ? 'focal' : roleOf(text.slice(colon + 1));
  if (!role) return undefined;
  if (unitWord.trim() === '-' || unitWord.trim() === '') return role === 'focal' ? undefined : { role };
  const found = matchUnit(latestUnits(bloc), unitWord);
  return found.type === 'unit' ? { role, unitId: found.unit.id } : undefined;
}

/**
 * The menus of `npm start` on a terminal: a role, then (for a focal point) a unit, each by its
 * number or its words ("thư ký", "si ma cai", diacritics or not). A wrong answer is asked again;
 * only the end of the input (Ctrl+C, Ctrl+D) leaves, and then nothing is said about `--as`.
 */
export async function pickAs(source: MessageSource, bloc: Bloc, say: (text: string) => void): Promise<As | undefined> {
  const roleMenu = ROLES.map((r, i) => `${i + 1}. ${t(`roles.${r}`)}`).join('\n');
  say(`${t('console.pickRole', { bloc: bloc.name })}\n${roleMenu}`);
  let role: Role | undefined;
  while (!role) {
    const answer = await source.ask('> ');
    if (answer === undefined) return undefined;
    role = roleOf(answer);
    if (!role && answer.trim() !== '')
      say(`${t('console.pickRoleAgain', { text: answer.trim(), count: ROLES.length })}\n${roleMenu}`);
  }
  if (role !== 'focal') return { role };
  const units = latestUnits(bloc);
  const unitMenu = units.map((u, i) => `${i + 1}. ${u.name}`).join('\n');
  say(`${t('console.pickUnit')}\n${unitMenu}`);
  for (;;) {
    const answer = await source.ask('> ');
    if (answer === undefined) return undefined;
    const text = answer.trim();
    if (text === '') continue;
    const unit = /^\d+$/.test(text) ? units[Number(text) - 1] : unitFrom(units, text);
    if (unit) return { role, unitId: unit.id };
    say(`${t('console.pickUnitAgain', { text, count: units.length })}\n${unitMenu}`);
  }
}

function unitFrom(units: readonly MemberUnit[], text: string): MemberUnit | undefined {
  const found = matchUnit(units, text);
  return found.type === 'unit' ? found.unit : undefined;
}
