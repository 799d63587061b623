import { messageOf, msg, reply, type Message, type Params, type Reply } from '../../app/messages.ts';
import type { CommandName } from '../../app/permissions.ts';
import { openReport, reportablePeriods, type Reportability } from '../../app/use-cases/report-status.ts';
import type { UnitCalendar } from '../../app/use-cases/unit-calendar.ts';
import { blocYear, type Bloc } from '../../domain/bloc.ts';
import {
  addMonths,
  currentPeriod,
  isPeriodId,
  parsePeriod,
  periodYear,
  type PeriodRefusal,
} from '../../domain/calendar/index.ts';
import type { ReportedValue } from '../../domain/submission.ts';
import type { FlowContext } from '../engine/types.ts';
import { displayDate, displayDateTime, displayDeadline, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { askAt, type Outcome } from './navigation.ts';
import type { DraftValue, ReportDraft } from './session.ts';

/** A refusal of the calendar for the person: the period as "tháng 6/2023", dates as 16/06/2023. */
export function refusalReply(refusal: PeriodRefusal, available: ReadonlySet<CommandName>): Reply {
  return { ...refusalMessage(refusal, available) };
}

/** Who reopens a locked period: the secretariat, with the command named once it is built. */
export function reopenAdvice(available: ReadonlySet<CommandName>): Message {
  return available.has('moky') ? msg('period.reopen.command') : msg('period.reopen.ask');
}

export function refusalMessage(refusal: PeriodRefusal, available: ReadonlySet<CommandName>): Message {
  const params: Params = { ...refusal.params, reopen: reopenAdvice(available) };
  const period = refusal.params.period;
  if (typeof period === 'string' && isPeriodId(period)) params.period = periodLabel(period);
  for (const name of ['openAt', 'lockedAt']) {
    const day = refusal.params[name];
    if (typeof day === 'string') params[name] = displayDate(day);
  }
  return messageOf(refusal.key, params);
}

export function acceptedReply(periodId: string, available: ReadonlySet<CommandName>): Reply {
  const advice = available.has('tralai') ? msg('report.acceptedAdvice.command') : msg('report.acceptedAdvice.ask');
  return reply('report.accepted', { period: periodLabel(periodId), advice });
}

/** The unit is not a member of the bloc in the period's year: nothing to report, and whom to ask. */
export function notMemberReply(bloc: Bloc, unitId: string, periodId: string, year: number): Reply {
  return reply('report.notMember', { unit: unitName(bloc, unitId), year, period: periodLabel(periodId) });
}

/** Where the period stands for the unit: on time until a day, late (until the lock), or reopened. */
export function periodStateLabel(bloc: Bloc, calendar: UnitCalendar, periodId: string, now: Date): Message {
  const zone = bloc.calendar.timezone;
  const instants = calendar.instants(periodId);
  if (now.getTime() < instants.onTimeUntil.getTime())
    return msg('report.state.onTime', { date: displayDeadline(instants.onTimeUntil, zone) });
  const reopening = calendar.overridesFor(periodId)?.reopening;
  if (reopening && now.getTime() < reopening.until.getTime())
    return msg('report.state.reopened', { date: displayDeadline(reopening.until, zone) });
  return msg('report.state.late', { date: displayDeadline(instants.lockAt, zone) });
}

/** `/baocao [period]`: the period named, the only one open, or a choice among those open. */
export async function startReport(ctx: FlowContext, args: string): Promise<Outcome> {
  const { bloc, registration } = ctx;
  const unitId = registration?.role === 'focal' ? registration.unitId : undefined;
  if (!bloc || !unitId) return { replies: [reply('report.noUnit')] };
  if (ctx.inbound.chatType === 'group') return { replies: [reply('report.privateOnly')] };
  const { repos } = ctx.services;
  if (args.trim() !== '') {
    const parsed = parsePeriod(args, currentPeriod(bloc.calendar, ctx.now));
    if (parsed.type === 'error') return { replies: [reply(parsed.key, parsed.params)] };
    if (parsed.type === 'year') return { replies: [reply('period.errors.badFormat', { text: args.trim() })] };
    return beginChecked(ctx, bloc, unitId, parsed.id, await openReport(repos, bloc, unitId, parsed.id, ctx.now));
  }
  const periods = await reportablePeriods(repos, bloc, unitId, ctx.now);
  const [only, ...others] = periods.open;
  if (!only) {
    const accepted = periods.accepted.at(-1);
    if (accepted) return { replies: [acceptedReply(accepted, ctx.available)] };
    const outside = periods.notMember.at(-1);
    if (outside) return { replies: [notMemberReply(bloc, unitId, outside, periodYear(outside))] };
    const next = periods.next;
    if (!next) return { replies: [reply('report.noneOpenAtAll')] };
    return {
      replies: [
        reply('report.noneOpen', {
          period: periodLabel(next.id),
          date: displayDateTime(next.openAt, bloc.calendar.timezone),
        }),
      ],
    };
  }
  if (others.length === 0)
    return beginChecked(
      ctx,
      bloc,
      unitId,
      only.id,
      await openReport(repos, bloc, unitId, only.id, ctx.now, periods.calendar),
    );
  const choices = periods.open.map((p) => [
    {
      id: p.id,
      label: msg('report.periodChoice', {
        period: periodLabel(p.id),
        state: periodStateLabel(bloc, periods.calendar, p.id, ctx.now),
      }),
    },
  ]);
  return {
    replies: [reply('report.whichPeriod', { count: periods.open.length }, { choices })],
    next: {
      step: 'period',
      draft: { phase: 'choose', unitId, periods: periods.open.map((p) => p.id) },
      expects: 'choice',
    },
  };
}

/** The answer to "which period": an option, or a period typed that is among those offered. */
export async function choosePeriod(
  ctx: FlowContext,
  unitId: string,
  offered: string[],
  input: { text: string; optionId?: string },
): Promise<Outcome> {
  const bloc = ctx.bloc;
  if (!bloc) return { replies: [reply('report.noUnit')] };
  let periodId = input.optionId;
  if (periodId === undefined) {
    const parsed = parsePeriod(input.text, currentPeriod(bloc.calendar, ctx.now));
    if (parsed.type === 'period') periodId = parsed.id;
  }
  if (periodId === undefined || !offered.includes(periodId)) {
    // Asked again with the same choices: the pending question must carry them.
    const again = await startReport(ctx, '');
    return { ...again, replies: [reply('report.periodNotOffered'), ...again.replies] };
  }
  return beginChecked(
    ctx,
    bloc,
    unitId,
    periodId,
    await openReport(ctx.services.repos, bloc, unitId, periodId, ctx.now),
  );
}

async function beginChecked(
  ctx: FlowContext,
  bloc: Bloc,
  unitId: string,
  periodId: string,
  check: Reportability,
): Promise<Outcome> {
  if (check.status === 'notMember') return { replies: [notMemberReply(bloc, unitId, periodId, check.year)] };
  if (check.status === 'refused') return { replies: [refusalReply(check.refusal, ctx.available)] };
  if (check.status === 'accepted') return { replies: [acceptedReply(periodId, ctx.available)] };
  const existing = check.existing && check.existing.status !== 'draft' ? check.existing : undefined;
  const before = await ctx.services.repos.submissions.find(bloc.id, addMonths(periodId, -1), unitId);
  const { year, fallback } = blocYear(bloc, periodYear(periodId));
  const sent = toDraftValues(existing?.values ?? []);
  const draft: ReportDraft = {
    phase: 'report',
    unitId,
    periodId,
    planYear: year.year,
    values: sent,
    sent,
    previous: before && before.status !== 'draft' ? toDraftValues(before.values) : {},
    cursor: 0,
    mode: 'all',
    queue: [],
    startedAt: ctx.now.toISOString(),
  };
  const zone = bloc.calendar.timezone;
  const replies: Reply[] = [];
  if (fallback) replies.push(reply('report.fallbackYear', { year: periodYear(periodId), used: year.year }));
  const state = periodStateLabel(bloc, check.calendar, periodId, ctx.now);
  replies.push(
    reply('report.intro', {
      unit: unitName(bloc, unitId),
      period: periodLabel(periodId),
      total: bloc.indicators.length,
      state,
    }),
  );
  if (existing?.status === 'returned') {
    const reviseBy = existing.reviseBy ? displayDateTime(existing.reviseBy, zone) : '—';
    replies.push(reply('report.returned', { reason: existing.returnReason ?? '—', reviseBy }));
  } else if (existing?.lastSubmittedAt) {
    replies.push(reply('report.revising', { at: displayDateTime(existing.lastSubmittedAt, zone) }));
  }
  return askAt({ bloc, draft, lang: ctx.actor.lang, available: ctx.available }, 0, replies);
}

function toDraftValues(values: ReportedValue[]): Record<string, DraftValue> {
  const out: Record<string, DraftValue> = {};
  for (const v of values) {
    out[v.indicatorCode] = {
      raw: v.raw,
      value: v.value,
      note: v.note,
      estimate: v.estimate,
      ...(v.confirmedOutOfRange ? { confirmed: true } : {}),
      ...(v.confirmedValidation ? { confirmedRule: true } : {}),
    };
  }
  return out;
}
