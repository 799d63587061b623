import { msg, reply, type Reply } from '../../app/messages.ts';
import type { Reportability } from '../../app/use-cases/report-status.ts';
import { submitReport } from '../../app/use-cases/submit-report.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { ReportedValue } from '../../domain/submission.ts';
import type { FlowContext } from '../engine/types.ts';
import { displayDateTime, periodLabel } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { receiptChanges } from './change-lines.ts';
import { askAt, firstMissingRequired, type Here, type Outcome } from './navigation.ts';
import { acceptedReply, notMemberReply, refusalMessage } from './period.ts';
import type { ReportDraft } from './session.ts';

/**
 * The draft's figures as the domain stores them, in the bloc's order. A value confirmed outside its
 * valid range, or against a validation rule, carries that flag; its note stays what the person wrote.
 */
export function reportedValues(bloc: Bloc, draft: ReportDraft): ReportedValue[] {
  return bloc.indicators.flatMap((indicator) => {
    const v = draft.values[indicator.code];
    if (!v) return [];
    const value: ReportedValue = { indicatorCode: indicator.code, raw: v.raw, value: v.value, estimate: v.estimate };
    if (v.note) value.note = v.note;
    if (v.confirmed) value.confirmedOutOfRange = true;
    if (v.confirmedRule) value.confirmedValidation = true;
    return [value];
  });
}

/** "Gửi báo cáo": stored in the update's transaction; the receipt goes out through the outbox with it. */
export async function send(ctx: FlowContext, here: Here): Promise<Outcome> {
  const { bloc, draft } = here;
  const result = await submitReport(ctx.services.repos, {
    bloc,
    unitId: draft.unitId,
    periodId: draft.periodId,
    values: reportedValues(bloc, draft),
    actor: { channel: ctx.actor.channel, userId: ctx.actor.userId, name: ctx.actor.displayName },
    now: ctx.now,
    opened: here.opened,
  });
  switch (result.status) {
    case 'incomplete': {
      const missing = firstMissingRequired(bloc, draft);
      return askAt({ ...here, draft: { ...draft, mode: 'missing' } }, Math.max(0, missing), [
        reply('report.missingRequired'),
      ]);
    }
    case 'refused':
      return closed(here, [
        reply('report.lockedWhileDrafting', {
          period: periodLabel(draft.periodId),
          reason: refusalMessage(result.refusal, here.available),
        }),
      ]);
    case 'accepted':
      return closed(here, [acceptedReply(draft.periodId, here.available)]);
    case 'notMember':
      return closed(here, [notMemberReply(bloc, draft.unitId, draft.periodId, result.year)]);
    case 'submitted': {
      const s = result.submission;
      const params = {
        unit: unitName(bloc, draft.unitId),
        period: periodLabel(draft.periodId),
        at: displayDateTime(ctx.now, bloc.calendar.timezone),
        count: s.values.length,
        timeliness: msg(s.onTime ? 'report.timeliness.onTime' : 'report.timeliness.late'),
      };
      if (!result.revision) return { replies: [reply('report.receipt', params)] };
      // "Unchanged" exactly when storage audited no change: both use the domain's comparison.
      if (result.changes.length === 0)
        return { replies: [reply('report.receiptUnchanged', { ...params, revision: s.revision })] };
      const { lines, retyped } = receiptChanges(here, result.changes);
      const revision = { ...params, revision: s.revision };
      if (lines.length === 0) return { replies: [reply('report.receiptRetyped', { ...revision, retyped })] };
      const changes = retyped > 0 ? [...lines, msg('report.retypedAlso', { count: retyped })] : lines;
      return { replies: [reply('report.receiptRevision', { ...revision, changes })] };
    }
  }
}

/**
 * Ends the conversation when the period stopped taking the unit's report. Nothing typed is lost: the
 * figures come back as lines the person can paste once the period is reopened.
 */
export function closed(here: Here, why: Reply[]): Outcome {
  const lines = here.bloc.indicators.flatMap((i) => {
    const v = here.draft.values[i.code];
    if (!v || here.draft.sent[i.code]?.raw === v.raw) return [];
    return [msg('report.draftLine', { number: i.number, raw: v.note ? `${v.raw} ; ${v.note}` : v.raw })];
  });
  return { replies: lines.length > 0 ? [...why, reply('report.draftKept', { lines })] : why };
}

/**
 * Checked before every step on the report as the step opened it: a draft whose period locked (or
 * whose report the secretariat accepted) since it began is closed with a message saying why and who
 * can reopen.
 */
export function stillOpen(here: Here, check: Reportability): Outcome | undefined {
  const { bloc, draft } = here;
  if (check.status === 'refused') {
    return closed(here, [
      reply('report.lockedWhileDrafting', {
        period: periodLabel(draft.periodId),
        reason: refusalMessage(check.refusal, here.available),
      }),
    ]);
  }
  if (check.status === 'accepted') return closed(here, [acceptedReply(draft.periodId, here.available)]);
  if (check.status === 'notMember')
    return closed(here, [notMemberReply(bloc, draft.unitId, draft.periodId, check.year)]);
  return undefined;
}
