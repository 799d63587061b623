import { accessFor, type CommandName } from '../../app/permissions.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { FlowContext } from '../engine/types.ts';
import { ownUnitOf } from './unit-argument.ts';

/**
 * Whether the asker sees only their own unit's line of /bangxephang or /tiendo: a focal point
 * (`ownRank` in the rights table) outside the leaders' group, unless the bloc lets focal points see
 * the whole table (`options.focal_sees_full_table`).
 */
export function seesOwnLineOnly(ctx: FlowContext, bloc: Bloc, command: CommandName): boolean {
  return accessFor(command, ctx.actor.who, ctx.inBlocGroup) === 'ownRank' && !bloc.options.focalSeesFullTable;
}

/** The asker's own unit, to mark in a table: a focal point's unit, or the unit a leader is bound to. */
export function askerUnitOf(ctx: FlowContext, bloc: Bloc): string | undefined {
  if (ctx.inBlocGroup) return undefined;
  return ownUnitOf(ctx, bloc) ?? (ctx.registration?.blocId === bloc.id ? ctx.registration.unitId : undefined);
}
