import { msg, reply, type Choice, type Reply } from '../../app/messages.ts';
import { accessFor, type CommandName } from '../../app/permissions.ts';
import type { Bloc, MemberUnit } from '../../domain/bloc.ts';
import { matchUnit } from '../../domain/unit-match.ts';
import type { FlowContext, StepInput } from '../engine/types.ts';
import { unitName } from './labels.ts';

/**
 * What a unit argument of a reading command (/trangthai, /xem) comes to: the unit to show, nothing
 * typed (the command decides: an overview, or asking), or a reply to send instead — with `ask` when
 * it offers choices and the conversation waits for the pick.
 */
export type UnitArgument =
  { type: 'unit'; unitId: string } | { type: 'empty' } | { type: 'reply'; reply: Reply; ask: boolean };

/** The unit of the person's focal-point binding in this bloc, if they have one. */
export function ownUnitOf(ctx: FlowContext, bloc: Bloc): string | undefined {
  return ctx.actor.registrations.find((r) => r.blocId === bloc.id && r.role === 'focal' && r.unitId)?.unitId;
}

/** Two buttons a row: unit names are long, and nine of them should still fit a phone screen. */
function unitChoices(units: readonly MemberUnit[]): Choice[][] {
  const rows: Choice[][] = [];
  for (let i = 0; i < units.length; i += 2) {
    rows.push(units.slice(i, i + 2).map((u) => ({ id: u.id, label: { text: u.name } })));
  }
  return rows;
}

/** "Which unit?" with every unit as a choice. */
export function askUnit(units: readonly MemberUnit[]): Reply {
  return reply('common.unitArgument.ask', {}, { choices: unitChoices(units) });
}

function resolveAny(units: readonly MemberUnit[], text: string, command: CommandName): UnitArgument {
  const match = matchUnit(units, text);
  if (match.type === 'unit') return { type: 'unit', unitId: match.unit.id };
  if (match.type === 'ambiguous') {
    const choices = unitChoices(match.candidates);
    return {
      type: 'reply',
      reply: reply('common.unitArgument.ambiguous', { text, count: match.candidates.length }, { choices }),
      ask: true,
    };
  }
  const list = units.map((u) => msg('common.unitArgument.unitLine', { name: u.name, id: u.id }));
  const example = units[0]?.id ?? '';
  return {
    type: 'reply',
    reply: reply('common.unitArgument.unknown', { text, units: list, command, example }),
    ask: false,
  };
}

/**
 * Reads a unit argument (design.md, "Arguments in chat"): an id or a unique beginning of a name.
 * A focal point reaches only their own unit (the engine has let `own` access through): naming
 * another is refused politely; an ambiguous name that includes their unit means their unit.
 */
export function resolveUnitArgument(
  ctx: FlowContext,
  bloc: Bloc,
  units: readonly MemberUnit[],
  text: string,
  command: CommandName,
): UnitArgument {
  const typed = text.trim();
  if (accessFor(command, ctx.actor.who, ctx.inBlocGroup) === 'any') {
    return typed ? resolveAny(units, typed, command) : { type: 'empty' };
  }
  const own = ownUnitOf(ctx, bloc);
  if (!own) return { type: 'reply', reply: reply('common.unitArgument.noOwnUnit'), ask: false };
  if (!typed) return { type: 'unit', unitId: own };
  const match = matchUnit(units, typed);
  const mine =
    match.type === 'unit'
      ? match.unit.id === own
      : match.type === 'ambiguous' && match.candidates.some((u) => u.id === own);
  if (mine) return { type: 'unit', unitId: own };
  return {
    type: 'reply',
    reply: reply('common.unitArgument.ownOnly', { unit: unitName(bloc, own), command }),
    ask: false,
  };
}

/** The answer to a unit question: a choice (button or number) or a name typed again. */
export function pickUnit(units: readonly MemberUnit[], input: StepInput, command: CommandName): UnitArgument {
  if (input.optionId !== undefined) {
    const chosen = units.find((u) => u.id === input.optionId);
    if (chosen) return { type: 'unit', unitId: chosen.id };
  }
  if (!input.text.trim()) return { type: 'reply', reply: askUnit(units), ask: true };
  return resolveAny(units, input.text, command);
}
