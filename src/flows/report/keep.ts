import { msg, reply } from '../../app/messages.ts';
import { openReport } from '../../app/use-cases/report-status.ts';
import { currentPeriod, parsePeriod } from '../../domain/calendar/index.ts';
import type { DraftKeeping, FlowContext } from '../engine/types.ts';
import { periodLabel } from '../shared/format.ts';
import { askAt, askQueued, summaryOrMissing, type Here, type Outcome } from './navigation.ts';
import { startReport } from './period.ts';
import { stillOpen } from './send.ts';
import type { FlowDraft, ReportDraft } from './session.ts';
import { askWhich } from './summary.ts';

/** How many figures the draft holds, and how many of them the person typed in this draft. */
function counts(draft: ReportDraft): { count: number; typed: number } {
  const codes = Object.keys(draft.values);
  const typed = codes.filter((code) => draft.sent[code]?.raw !== draft.values[code]?.raw).length;
  return { count: codes.length, typed: typed + draft.queue.length };
}

/**
 * A report draft waits while another command runs (design.md, Sessions): "Báo cáo tháng 6/2023
 * (2/11 chỉ tiêu)", and when `/baocao` is typed again its current question is asked again, after
 * the same checks as any step (the period may have locked meanwhile).
 */
export const keepReport: DraftKeeping<FlowDraft> = {
  progress(ctx, draft) {
    if (draft.phase !== 'report') return { summary: msg('report.progressChoosing'), typed: false };
    const total = ctx.bloc?.indicators.length ?? Object.keys(draft.values).length;
    const { count, typed } = counts(draft);
    return { summary: msg('report.progress', { period: periodLabel(draft.periodId), count, total }), typed: typed > 0 };
  },

  reportsFor(stored) {
    const draft = stored as Partial<ReportDraft> | undefined;
    const { unitId, periodId } = draft ?? {};
    if (draft?.phase !== 'report' || typeof unitId !== 'string' || typeof periodId !== 'string') return undefined;
    return { unitId, periodId };
  },

  async resume(ctx, draft, step, args) {
    if (draft.phase !== 'report' || !ctx.bloc) return startReport(ctx, args);
    const lead = otherPeriodAsked(ctx, draft, args)
      ? [reply('report.otherDraftOpen', { period: periodLabel(draft.periodId) })]
      : [];
    const opened = await openReport(ctx.services.repos, ctx.bloc, draft.unitId, draft.periodId, ctx.now);
    const here: Here = { bloc: ctx.bloc, draft, lang: ctx.actor.lang, opened, available: ctx.available };
    const closed = stillOpen(here, opened);
    if (closed) return closed;
    const again = reask(here, step);
    return { ...again, replies: [...lead, ...again.replies] };
  },
};

/** `/baocao 7/2023` while a June draft waits: June is finished (or cancelled) first. */
function otherPeriodAsked(ctx: FlowContext, draft: ReportDraft, args: string): boolean {
  if (!args.trim() || !ctx.bloc) return false;
  const parsed = parsePeriod(args, currentPeriod(ctx.bloc.calendar, ctx.now));
  return parsed.type === 'period' && parsed.id !== draft.periodId;
}

function reask(here: Here, step: string): Outcome {
  switch (step) {
    case 'ambiguous':
    case 'confirm':
      return askQueued(here) ?? askAt(here, here.draft.cursor);
    case 'summary':
      return summaryOrMissing(here);
    case 'pick':
      return {
        replies: [askWhich(here.bloc, here.lang)],
        next: { step: 'pick', draft: here.draft, expects: 'choice' },
      };
    default:
      return askAt(here, here.draft.cursor);
  }
}
