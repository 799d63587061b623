import type { Lang, Reply } from '../../app/messages.ts';
import type { CommandName } from '../../app/permissions.ts';
import type { Reportability } from '../../app/use-cases/report-status.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { StepOutcome } from '../engine/types.ts';
import { askCheck, askShare } from './ask-check.ts';
import { askAmbiguous, askConfirm, askIndicator } from './ask-indicator.ts';
import type { FlowDraft, ReportDraft } from './session.ts';
import { showSummary } from './summary.ts';

export type Outcome = StepOutcome<FlowDraft>;

/**
 * Where the conversation is, for the steps: the bloc, the draft and the person's language; on a step
 * of a draft, also the unit's report as this update opened it (locked, read once, with its calendar),
 * which sending reuses.
 */
export interface Here {
  bloc: Bloc;
  draft: ReportDraft;
  lang: Lang;
  opened?: Reportability;
  /** The commands that are built: a reply names /moky or /tralai only once they exist. */
  available: ReadonlySet<CommandName>;
}

/** Asks the indicator at `index` (figure step: numbers typed there are figures). */
export function askAt(here: Here, index: number, lead: Reply[] = []): Outcome {
  const draft = { ...here.draft, cursor: index };
  return {
    replies: [...lead, askIndicator(here.bloc, draft, index, here.lang)],
    next: { step: 'figure', draft, expects: 'figure' },
  };
}

/** Asks the first open question (a reading to choose, a value to confirm or keep), if there is one. */
export function askQueued(here: Here, lead: Reply[] = []): Outcome | undefined {
  const question = here.draft.queue[0];
  if (!question) return undefined;
  const index = here.bloc.indicators.findIndex((i) => i.code === question.code);
  const indicator = here.bloc.indicators[index];
  if (!indicator) return undefined;
  const draft = { ...here.draft, cursor: index };
  if (question.kind === 'ambiguous') {
    return {
      replies: [...lead, askAmbiguous(indicator, question, here.lang)],
      next: { step: 'ambiguous', draft, expects: 'choice' },
    };
  }
  const asked =
    question.kind === 'check'
      ? askCheck({ ...here, draft }, indicator, question)
      : question.kind === 'shareOfPlan'
        ? askShare({ ...here, draft }, indicator, question)
        : askConfirm(indicator, question, here.lang);
  return { replies: [...lead, asked], next: { step: 'confirm', draft, expects: 'choice' } };
}

/** The first required indicator still without a figure, as an index. */
export function firstMissingRequired(bloc: Bloc, draft: ReportDraft): number {
  return bloc.indicators.findIndex((i) => i.required && !draft.values[i.code]);
}

/**
 * After an answer: open questions first, then by mode: the next indicator (`all`), the first
 * required one still missing (`missing`), or the summary (`one`, and when nothing is left).
 */
export function advance(here: Here, lead: Reply[] = []): Outcome {
  const queued = askQueued(here, lead);
  if (queued) return queued;
  const { bloc, draft } = here;
  if (draft.mode === 'all' && draft.cursor + 1 < bloc.indicators.length) return askAt(here, draft.cursor + 1, lead);
  return summaryOrMissing(here, lead);
}

/** The summary, unless a required indicator is missing: then that one is asked first. */
export function summaryOrMissing(here: Here, lead: Reply[] = []): Outcome {
  const missing = firstMissingRequired(here.bloc, here.draft);
  if (missing >= 0) return askAt({ ...here, draft: { ...here.draft, mode: 'missing' } }, missing, lead);
  const draft: ReportDraft = { ...here.draft, mode: 'one', queue: [] };
  return {
    replies: [...lead, showSummary(here.bloc, draft, here.lang)],
    next: { step: 'summary', draft, expects: 'choice' },
  };
}
