import { reply } from '../../app/messages.ts';
import { openReport } from '../../app/use-cases/report-status.ts';
import { findIndicator } from '../../domain/bloc.ts';
import { foldText } from '../../domain/text-fold.ts';
import { YES_WORDS } from '../../domain/vocabulary.ts';
import { defineFlow, type FlowContext, type Step, type StepInput } from '../engine/types.ts';
import { applyBulk, isBulk } from './bulk.ts';
import { answerFigure, answerQuestion, MAX_MESSAGE_LENGTH } from './figure-step.ts';
import { advance, askAt, summaryOrMissing, type Here, type Outcome } from './navigation.ts';
import { choosePeriod, startReport } from './period.ts';
import { send, stillOpen } from './send.ts';
import { keepReport } from './keep.ts';
import { FlowDraftSchema, type FlowDraft } from './session.ts';
import { askWhich, showSummary } from './summary.ts';

/**
 * `/baocao [kỳ]` (`/report`): a focal point reports the unit's figures for a period, one indicator
 * at a time or pasted in bulk, checks the summary and sends it. Every step first checks that the
 * period still takes the unit's report: a draft whose period locked is closed with a message.
 */
type Handler = (ctx: FlowContext, here: Here, input: StepInput) => Promise<Outcome> | Outcome;

function reportStep(handler: Handler): Step<FlowDraft> {
  return async (ctx, draft, input) => {
    if (draft.phase !== 'report' || !ctx.bloc) return { replies: [reply('engine.sessionReset')] };
    // The person may have been bound to another unit since the draft began: never report for it.
    if (ctx.registration?.role !== 'focal' || ctx.registration.unitId !== draft.unitId)
      return { replies: [reply('report.unitChanged')] };
    const opened = await openReport(ctx.services.repos, ctx.bloc, draft.unitId, draft.periodId, ctx.now);
    const here: Here = { bloc: ctx.bloc, draft, lang: ctx.actor.lang, opened, available: ctx.available };
    return stillOpen(here, opened) ?? handler(ctx, here, input);
  };
}

const period: Step<FlowDraft> = async (ctx, draft, input) => {
  if (draft.phase !== 'choose') return { replies: [reply('engine.sessionReset')] };
  return choosePeriod(ctx, draft.unitId, draft.periods, input);
};

async function summary(ctx: FlowContext, here: Here, input: StepInput): Promise<Outcome> {
  const choice = input.optionId ?? (YES_WORDS.includes(foldText(input.text)) ? 'send' : undefined);
  switch (choice) {
    case 'send':
      return send(ctx, here);
    case 'change':
      return {
        replies: [askWhich(here.bloc, here.lang)],
        next: { step: 'pick', draft: here.draft, expects: 'choice' },
      };
    case 'cancel':
      // The engine asks to confirm: the draft holds figures.
      return { replies: [], discard: true };
  }
  if (input.text.length <= MAX_MESSAGE_LENGTH && isBulk(input.text)) {
    const bulk = applyBulk(here, input.text);
    return advance({ ...here, draft: { ...bulk.draft, mode: 'one' } }, bulk.replies);
  }
  const draft = { ...here.draft };
  return {
    replies: [reply('report.summaryUnclear'), showSummary(here.bloc, draft, here.lang)],
    next: { step: 'summary', draft, expects: 'choice' },
  };
}

function pick(_ctx: FlowContext, here: Here, input: StepInput): Outcome {
  if (input.optionId === 'summary') return summaryOrMissing(here);
  const code = input.optionId ?? (input.text.length <= 100 ? findIndicator(here.bloc, input.text)?.code : undefined);
  const index = here.bloc.indicators.findIndex((i) => i.code === code);
  if (index < 0)
    return {
      replies: [reply('report.pickUnclear'), askWhich(here.bloc, here.lang)],
      next: { step: 'pick', draft: here.draft, expects: 'choice' },
    };
  return askAt({ ...here, draft: { ...here.draft, mode: 'one', queue: [] } }, index);
}

export const reportFlow = defineFlow<FlowDraft>({
  command: 'baocao',
  draftSchema: FlowDraftSchema,
  start: startReport,
  keep: keepReport,
  steps: {
    period,
    figure: reportStep((_ctx, here, input) => answerFigure(here, input)),
    ambiguous: reportStep((_ctx, here, input) => answerQuestion(here, input)),
    confirm: reportStep((_ctx, here, input) => answerQuestion(here, input)),
    summary: reportStep(summary),
    pick: reportStep(pick),
  },
});
