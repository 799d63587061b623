import type { Bloc } from '../../domain/bloc.ts';
import type { PeriodId } from '../../domain/calendar/index.ts';
import type { ChannelName } from '../messages.ts';
import type { AuditActor, Reopening, Repositories } from '../ports.ts';
import { privateChatOf } from '../private-chat.ts';
import { calendarsOf, periodReporting, type UnitReportStatus } from './reporting-status.ts';
import { reopeningEnd } from './unit-calendar.ts';

/**
 * What the secretariat's calendar commands (`/moky`, `/khoaky`, `/giahan`) write and whom they tell.
 * The rules are the domain's (`checkReopening`, `checkExtension`, `checkEarlyLock`); the flows check
 * them first, then call these inside the update's transaction, so the change, its audit row and the
 * notices in the outbox are committed together.
 */

/** A private chat of one active focal point of a unit. */
export interface FocalChat {
  unitId: string;
  chat: { channel: ChannelName; chatId: string };
}

/** The private chats of the active focal points of `unitIds`, in that order (a unit may have several). */
export async function focalChatsOf(
  repos: Pick<Repositories, 'registrations'>,
  blocId: string,
  unitIds: readonly string[],
): Promise<FocalChat[]> {
  const focal = await repos.registrations.listActive(blocId, { role: 'focal' });
  return unitIds.flatMap((unitId) =>
    focal.flatMap((r) => {
      const chat = r.unitId === unitId ? privateChatOf(r) : undefined;
      return chat ? [{ unitId, chat }] : [];
    }),
  );
}

/** The member units whose report for the period is not in (none, a draft, or returned), in the bloc's order. */
export async function unitsNotIn(
  repos: Pick<Repositories, 'calendar' | 'submissions'>,
  bloc: Bloc,
  periodId: PeriodId,
  now: Date,
): Promise<UnitReportStatus[]> {
  const reporting = await periodReporting(repos, calendarsOf(repos, bloc, now), bloc, periodId, now);
  return reporting.units.filter((u) => !u.isIn);
}

/** Each unit's latest reopening of the period, where it still lifts the period at `now`. */
export async function runningReopenings(
  repos: Pick<Repositories, 'calendar'>,
  blocId: string,
  periodId: PeriodId,
  now: Date,
): Promise<Reopening[]> {
  const latest = new Map<string, Reopening>();
  for (const r of await repos.calendar.reopenings(blocId)) if (r.periodId === periodId) latest.set(r.unitId, r);
  return [...latest.values()].filter((r) => reopeningEnd(r) > now);
}

/**
 * `/khoaky <period>`: locks the whole period at `now` and ends the reopenings running for it (locked
 * "for every unit"). `locked` is false when another command locked it first (nothing was written).
 */
export async function lockPeriodNow(
  repos: Pick<Repositories, 'calendar'>,
  request: { bloc: Bloc; periodId: PeriodId; by: AuditActor; now: Date },
): Promise<{ locked: boolean; endedReopenings: Reopening[] }> {
  const { bloc, periodId, by, now } = request;
  const locked = await repos.calendar.setEarlyLock({ blocId: bloc.id, periodId, at: now, by });
  if (!locked) return { locked, endedReopenings: [] };
  const running = await runningReopenings(repos, bloc.id, periodId, now);
  for (const r of running) await repos.calendar.endReopening(r.id, now, by);
  return { locked, endedReopenings: running };
}

/** `/khoaky <period> <unit>`: ends the unit's running reopening of the period now; undefined if none runs. */
export async function endUnitReopening(
  repos: Pick<Repositories, 'calendar'>,
  request: { bloc: Bloc; periodId: PeriodId; unitId: string; by: AuditActor; now: Date },
): Promise<Reopening | undefined> {
  const { bloc, periodId, unitId, by, now } = request;
  const running = (await runningReopenings(repos, bloc.id, periodId, now)).find((r) => r.unitId === unitId);
  if (!running || !(await repos.calendar.endReopening(running.id, now, by))) return undefined;
  return running;
}
