import { reply, type Message, type Reply } from '../app/messages.ts';
import type { CommandName } from '../app/permissions.ts';
import type { Log, OpenDraft, Repositories } from '../app/ports.ts';
import { loadUnitCalendar, type UnitCalendar } from '../app/use-cases/unit-calendar.ts';
import type { Bloc } from '../domain/bloc.ts';
import { isPeriodId } from '../domain/calendar/index.ts';
import type { CloseOutcome } from '../flows/engine/close-draft.ts';
import type { ConversationEngine } from '../flows/engine/engine.ts';
import { reopenAdvice } from '../flows/report/period.ts';
import { displayDateTime, periodLabel } from '../flows/shared/format.ts';

export interface PeriodLocksDeps {
  blocs: readonly Bloc[];
  repos: Pick<Repositories, 'openDrafts' | 'calendar'>;
  /** Closes each draft in its session's turn, so the job never races the person's own message. */
  engine: Pick<ConversationEngine, 'closeDraft' | 'available'>;
  log?: Log;
}

/** What one run did: drafts closed (one notice each), index rows found stale, drafts that failed. */
export interface PeriodLocksReport {
  closed: number;
  stale: number;
  failed: number;
}

/**
 * When the period locked for this unit: the bloc's lock (or the secretariat's early lock), or the
 * end of the unit's reopening when that came later.
 */
function lockedSince(calendar: UnitCalendar, periodId: string): Date {
  const { lockAt } = calendar.instants(periodId);
  const until = calendar.overridesFor(periodId)?.reopening?.until;
  return until && until > lockAt ? until : lockAt;
}

function notice(bloc: Bloc, calendar: UnitCalendar, periodId: string, available: ReadonlySet<CommandName>) {
  const period = periodLabel(periodId);
  const at = displayDateTime(lockedSince(calendar, periodId), bloc.calendar.timezone);
  const reopen = reopenAdvice(available);
  return (summary: Message | undefined): Reply =>
    summary
      ? reply('periodLock.draftClosed', { period, at, summary, reopen })
      : reply('periodLock.draftClosedUnread', { period, at, reopen });
}

/** Closes one draft if its period is locked for its unit, checked again inside the session's turn. */
async function closeIfLocked(deps: PeriodLocksDeps, bloc: Bloc, draft: OpenDraft, now: Date): Promise<CloseOutcome> {
  const calendarOf = () => loadUnitCalendar(deps.repos, bloc, draft.unitId, now);
  const calendar = await calendarOf();
  // A reopening still running keeps the draft: the unit may still send it.
  if (calendar.state(draft.periodId) !== 'locked') return 'kept';
  return deps.engine.closeDraft({
    draft,
    // A /moky may have committed since the check above.
    stillWanted: async () => (await calendarOf()).state(draft.periodId) === 'locked',
    notice: notice(bloc, calendar, draft.periodId, deps.engine.available),
  });
}

async function closeOne(deps: PeriodLocksDeps, bloc: Bloc, draft: OpenDraft, now: Date, report: PeriodLocksReport) {
  const where = { bloc: bloc.id, period: draft.periodId, unit: draft.unitId };
  try {
    const outcome = await closeIfLocked(deps, bloc, draft, now);
    if (outcome === 'closed') {
      report.closed += 1;
      deps.log?.info(where, 'locked draft closed');
    } else if (outcome === 'stale') report.stale += 1;
    else if (outcome === 'failed') report.failed += 1;
  } catch (error) {
    report.failed += 1;
    deps.log?.error({ err: error, ...where }, 'closing a draft failed');
  }
}

/**
 * The period locks (issue 8), a plain function of `(deps, now)` run every few minutes: each report
 * draft whose period is now locked for its unit is closed and its person told once (design.md:
 * a locked period takes nothing, and whoever drafted for it should hear so when it locks, not at
 * their next message). A failure is logged and the other drafts go on; the next run tries again.
 */
export async function runPeriodLocks(deps: PeriodLocksDeps, now: Date): Promise<PeriodLocksReport> {
  const report: PeriodLocksReport = { closed: 0, stale: 0, failed: 0 };
  for (const bloc of deps.blocs) {
    let periods: string[];
    let blocCalendar: UnitCalendar;
    try {
      periods = await deps.repos.openDrafts.periods(bloc.id);
      blocCalendar = await loadUnitCalendar(deps.repos, bloc, undefined, now);
    } catch (error) {
      deps.log?.error({ err: error, bloc: bloc.id }, 'period locks: drafts or calendar unreadable');
      report.failed += 1;
      continue;
    }
    // A reopening only ever lifts a lock: a period the bloc's calendar keeps open is open for all.
    for (const periodId of periods.filter((id) => isPeriodId(id) && blocCalendar.state(id) === 'locked')) {
      try {
        for (const draft of await deps.repos.openDrafts.forPeriod(bloc.id, periodId))
          await closeOne(deps, bloc, draft, now, report);
      } catch (error) {
        report.failed += 1;
        deps.log?.error({ err: error, bloc: bloc.id, period: periodId }, 'period locks: drafts unreadable');
      }
    }
  }
  return report;
}
