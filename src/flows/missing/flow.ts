import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import {
  calendarsOf,
  openPeriodsOfBloc,
  periodReporting,
  type PeriodReporting,
} from '../../app/use-cases/reporting-status.ts';
import type { Bloc } from '../../domain/bloc.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';
import { periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { rateMessage } from '../shared/rate.ts';
import { reportStateMessage } from '../shared/report-state.ts';
import { missingDraftSchema, type MissingDraft } from './session.ts';

/**
 * `/chuanop` (`/missing`), for the secretariat: every period open now for some unit, each with the
 * units whose report is not in (none, a draft, or returned) grouped by where they stand (one line
 * "chưa nộp, trễ hạn từ ngày 17/06/2023…" over the units it is true of, not the same clause on every
 * unit's line), and the reporting and on-time rates. A period open only through a reopening also
 * names, on one line, the units it has locked for. The engine keeps everyone else out (permissions).
 */
async function start(ctx: FlowContext): Promise<StepOutcome<MissingDraft>> {
  const { bloc } = ctx;
  if (!bloc) return { replies: [reply('common.noBloc')] };
  const calendars = calendarsOf(ctx.services.repos, bloc, ctx.now);
  const periods = await openPeriodsOfBloc(calendars, bloc, ctx.now);
  if (periods.length === 0) return { replies: [reply('missing.noOpenPeriod')] };
  const replies: Reply[] = [];
  for (const periodId of periods) {
    replies.push(periodReply(bloc, await periodReporting(ctx.services.repos, calendars, bloc, periodId, ctx.now)));
  }
  return { replies };
}

function periodReply(bloc: Bloc, reporting: PeriodReporting): Reply {
  const period = periodLabel(reporting.periodId);
  const rate = rateMessage(reporting);
  const missing = reporting.units.filter((s) => !s.isIn);
  if (missing.length === 0) return reply('missing.allIn', { period, rate });
  const tz = bloc.calendar.timezone;
  // Units the period has locked for can no longer send: one line names them, the rest are chased.
  const lockedOut = missing.filter((s) => s.state === 'locked' && s.status !== 'returned');
  const groups: Array<{ state: Message; names: string[] }> = [];
  for (const s of missing.filter((u) => !lockedOut.includes(u))) {
    const state = reportStateMessage(s, tz);
    const same = groups.find((g) => sameMessage(g.state, state));
    if (same) same.names.push(unitName(bloc, s.unitId));
    else groups.push({ state, names: [unitName(bloc, s.unitId)] });
  }
  const units = groups.map((g) =>
    msg('missing.group', { state: g.state, count: g.names.length, units: g.names.join(', ') }),
  );
  if (lockedOut.length > 0) {
    units.push(
      msg('missing.lockedOut', {
        count: lockedOut.length,
        units: lockedOut.map((s) => unitName(bloc, s.unitId)).join(', '),
      }),
    );
  }
  return reply('missing.period', { period, rate, count: missing.length, units });
}

/** Two states read the same: same key, same params (nested messages compared whole). */
function sameMessage(a: Message, b: Message): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const missingFlow = defineFlow({ command: 'chuanop', draftSchema: missingDraftSchema, start, steps: {} });
