import { msg, reply, type Choice, type Message, type Reply } from '../../app/messages.ts';
import { focalChatsOf } from '../../app/use-cases/calendar-desk.ts';
import { unitsOfPeriod } from '../../app/use-cases/reporting-status.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import type { PeriodId } from '../../domain/calendar/index.ts';
import { matchUnit } from '../../domain/unit-match.ts';
import type { FlowContext, StepInput } from '../engine/types.ts';
import { unitName } from './labels.ts';

/** A unit named in a secretariat's command: found, to be picked among several, or unknown. */
export type DeskUnit = { type: 'unit'; unitId: string } | { type: 'reply'; reply: Reply; ask: boolean };

/** Two buttons a row: unit names are long, and nine of them should still fit a phone screen. */
function unitChoices(units: readonly MemberUnit[]): Choice[][] {
  const rows: Choice[][] = [];
  for (let i = 0; i < units.length; i += 2) {
    rows.push(units.slice(i, i + 2).map((u) => ({ id: u.id, label: { text: u.name } })));
  }
  return rows;
}

/**
 * The unit `text` names among the period's member units (an id or a unique beginning of a name);
 * several fit: they are offered as choices; none: the units are listed under the command's usage.
 */
export function resolveDeskUnit(bloc: Bloc, periodId: PeriodId, text: string, usage: Message): DeskUnit {
  const units = unitsOfPeriod(bloc, periodId);
  const match = matchUnit(units, text);
  if (match.type === 'unit') return { type: 'unit', unitId: match.unit.id };
  if (match.type === 'ambiguous') {
    const choices = unitChoices(match.candidates);
    const asked = reply('desk.ambiguousUnit', { text, count: match.candidates.length }, { choices });
    return { type: 'reply', reply: asked, ask: true };
  }
  const list = units.map((u) => msg('common.unitArgument.unitLine', { name: u.name, id: u.id }));
  return { type: 'reply', reply: reply('desk.unknownUnit', { text, units: list, usage }), ask: false };
}

/** The answer to "which unit": a choice (button or number) or a name typed again. */
export function pickDeskUnit(bloc: Bloc, periodId: PeriodId, input: StepInput, usage: Message): DeskUnit {
  const chosen = unitsOfPeriod(bloc, periodId).find((u) => u.id === input.optionId);
  if (chosen) return { type: 'unit', unitId: chosen.id };
  return resolveDeskUnit(bloc, periodId, input.text, usage);
}

/** Notices to the focal points of some units, and what to tell the secretariat about who was reached. */
export interface Told {
  notices: Reply[];
  people: number;
  /** Units with no active focal point registered: the secretariat tells them another way. */
  unreached: string[];
}

/** One notice per active focal point of each unit, in its private chat (`notice` words it per unit). */
export async function tellFocalPoints(
  ctx: FlowContext,
  bloc: Bloc,
  unitIds: readonly string[],
  notice: (unitId: string) => Message,
): Promise<Told> {
  const chats = await focalChatsOf(ctx.services.repos, bloc.id, unitIds);
  const notices = chats.map(({ unitId, chat }) => ({ ...notice(unitId), to: chat }));
  const unreached = unitIds.filter((id) => !chats.some((c) => c.unitId === id));
  return { notices, people: chats.length, unreached };
}

/** "Told 5 focal points of 4 units; 1 unit has nobody registered: …", for the secretariat's answer. */
export function toldLines(bloc: Bloc, told: Told, units: number): Message[] {
  const lines: Message[] = [];
  if (units === 0) return [msg('desk.nobodyToTell')];
  if (told.people > 0) lines.push(msg('desk.told', { people: told.people, units: units - told.unreached.length }));
  if (told.unreached.length > 0) {
    const names = told.unreached.map((id) => unitName(bloc, id)).join(', ');
    lines.push(msg('desk.unreached', { count: told.unreached.length, units: names }));
  }
  return lines;
}
