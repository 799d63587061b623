import { z } from 'zod';
import { msg, reply } from '../../app/messages.ts';
import { nominationYear, unitNominations } from '../../app/use-cases/nominate.ts';
import type { Nomination } from '../../domain/nomination.ts';
import type { Bloc } from '../../domain/bloc.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { clip, findMovement, movementShortName } from '../nominate/movements.ts';
import { focalScope } from '../nominate/scope.ts';
import { displayDay } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';

/** A name in the list is cut so each nomination stays on one line of a phone screen. */
const LIST_NAME_MAX = 60;

/**
 * `/dsdexuat [năm]` (`/nominations`): the focal point's own unit's nominations of the current year
 * (or the year given), one line each, oldest first; or, when there are none, how to add one.
 */
async function list(ctx: FlowContext, args: string): Promise<StepOutcome<undefined>> {
  const scope = focalScope(ctx);
  if (!scope) return { replies: [reply('nominate.focalOnly')] };
  const { bloc, unitId } = scope;
  const typedYear = /^\d{4}$/.test(args.trim()) ? Number(args.trim()) : undefined;
  const year = typedYear ?? nominationYear(bloc, ctx.now);
  const unit = unitName(bloc, unitId);
  const found = await unitNominations(ctx.services.repos, bloc.id, unitId, year);
  if (found.length === 0) return { replies: [reply('nominations.none', { unit, year })] };
  const lines = found.map((n) => line(bloc, n));
  return { replies: [reply('nominations.list', { unit, year, count: found.length, lines })] };
}

function line(bloc: Bloc, n: Nomination) {
  const movement = findMovement(bloc.movements, n.movementId);
  return msg('nominations.line', {
    number: n.id ?? '',
    kind: msg(`nominate.kind.${n.kind}`),
    name: clip(n.name, LIST_NAME_MAX),
    movement: movement ? movementShortName(movement) : n.movementId,
    date: n.createdAt ? displayDay(n.createdAt, bloc.calendar.timezone) : '',
  });
}

export const nominationsFlow = defineFlow({ command: 'dsdexuat', draftSchema: z.undefined(), start: list, steps: {} });
