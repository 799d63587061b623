import { reply, type Reply } from '../../app/messages.ts';
import { readFigure, settle } from '../../domain/figures/index.ts';
import { foldText } from '../../domain/text-fold.ts';
import { CONFIRM_WORDS, NAVIGATION_WORDS } from '../../domain/vocabulary.ts';
import type { StepInput } from '../engine/types.ts';
import { applyReading, splitAnswer, take, type Applied } from './answer.ts';
import { applyBulk, isBulk } from './bulk.ts';
import { indicatorName } from './figure-text.ts';
import { advance, askAt, askQueued, summaryOrMissing, type Here, type Outcome } from './navigation.ts';
import type { ReportDraft } from './session.ts';

/** A report pasted in one message is a few hundred characters; anything far longer is a mistake. */
export const MAX_MESSAGE_LENGTH = 4000;

type Navigation = 'back' | 'skip' | 'keep';
const NAVIGATION: ReadonlyMap<string, Navigation> = new Map(
  (['back', 'skip', 'keep'] as const).flatMap((word) => NAVIGATION_WORDS[word].map((w) => [w, word] as const)),
);

function current(here: Here) {
  const indicator = here.bloc.indicators[here.draft.cursor];
  if (!indicator) throw new Error(`No indicator at ${here.draft.cursor}`);
  return indicator;
}

/** Stays on the figure step (the draft kept), after saying what was wrong. */
function stay(here: Here, replies: Reply[]): Outcome {
  return { replies, next: { step: 'figure', draft: here.draft, expects: 'figure' } };
}

function again(here: Here): Reply {
  const indicator = current(here);
  return reply('report.again', {
    number: indicator.number,
    total: here.bloc.indicators.length,
    name: indicatorName(indicator, here.lang),
  });
}

function afterApplied(here: Here, applied: Applied): Outcome {
  switch (applied.type) {
    case 'taken':
      return advance({ ...here, draft: applied.draft }, [applied.echo]);
    case 'queued':
      return askQueued({ ...here, draft: applied.draft }) ?? advance({ ...here, draft: applied.draft });
    case 'error':
      return stay(here, [applied.error, again(here)]);
  }
}

/** An answer on a figure step: a navigation word, a bulk paste, or a figure (with note/estimate). */
export function answerFigure(here: Here, input: StepInput): Outcome {
  const text = input.text;
  if (text.length > MAX_MESSAGE_LENGTH)
    return stay(here, [reply('report.tooLong', { max: MAX_MESSAGE_LENGTH }), again(here)]);
  const indicator = current(here);
  const { draft } = here;
  switch (NAVIGATION.get(foldText(text))) {
    case 'back':
      if (draft.mode === 'one') return summaryOrMissing(here);
      if (draft.cursor === 0) return stay(here, [reply('report.atFirst')]);
      return askAt({ ...here, draft: { ...draft, mode: 'all' } }, draft.cursor - 1);
    case 'skip': {
      if (indicator.required)
        return stay(here, [
          reply('report.requiredNoSkip', { number: indicator.number, name: indicatorName(indicator, here.lang) }),
        ]);
      const { [indicator.code]: _dropped, ...values } = draft.values;
      return advance({ ...here, draft: { ...draft, values } }, [reply('report.skipped', { number: indicator.number })]);
    }
    case 'keep': {
      const kept = draft.values[indicator.code];
      if (!kept) return stay(here, [reply('report.nothingToKeep')]);
      const applied = take(here, indicator, kept);
      return applied.type === 'taken'
        ? advance({ ...here, draft: applied.draft }, [reply('report.kept', { echo: applied.echo })])
        : afterApplied(here, applied);
    }
    case undefined:
      break;
  }
  if (isBulk(text)) {
    const bulk = applyBulk(here, text);
    if (!bulk.progressed) return stay(here, [...bulk.replies, again(here)]);
    const mode = draft.mode === 'one' ? 'one' : 'missing';
    return advance({ ...here, draft: { ...bulk.draft, mode } }, bulk.replies);
  }
  const answer = splitAnswer(text);
  return afterApplied(here, applyReading(here, indicator, answer, readFigure(answer.figure, indicator), true));
}

/** The draft without its first open question (answered, or replaced by what was typed). */
function dropQuestion(draft: ReportDraft): ReportDraft {
  return { ...draft, queue: draft.queue.slice(1) };
}

/**
 * An answer to an open question (two readings, a value out of range or asked back by a rule, a number
 * read as a share of the plan): an option, "nhập lại", "đúng" to keep a value, or text, which is taken
 * as a new answer for the same indicator.
 */
export function answerQuestion(here: Here, input: StepInput): Outcome {
  const question = here.draft.queue[0];
  if (!question) return advance(here);
  const indicator = current(here);
  const rest = { ...here, draft: dropQuestion(here.draft) };
  const option = input.optionId;
  if (option === 'retype') return askAt(rest, here.draft.cursor);
  const value = question.readings[0];
  const keeps = option === 'keep' || (option === undefined && CONFIRM_WORDS.includes(foldText(input.text)));
  if (keeps && question.kind !== 'ambiguous' && value) {
    const kept = { raw: question.raw, value, note: question.note, estimate: question.estimate };
    switch (question.kind) {
      case 'outOfRange':
        return afterApplied(rest, take(rest, indicator, { ...kept, confirmed: true }, question));
      case 'check':
        return afterApplied(rest, take(rest, indicator, { ...kept, confirmedRule: true }, question));
      case 'shareOfPlan': {
        // 17/17 is read now as if typed so: its range is checked like any ratio's.
        const answer = { figure: question.raw, note: question.note, estimate: question.estimate };
        return afterApplied(rest, applyReading(rest, indicator, answer, settle(value, indicator), true));
      }
    }
  }
  const picked = option?.startsWith('r') ? question.readings[Number(option.slice(1))] : undefined;
  if (picked && question.kind === 'ambiguous') {
    const reading = settle(picked, indicator, { convertedFrom: question.convertedFrom });
    const answer = { figure: question.raw, note: question.note, estimate: question.estimate };
    return afterApplied(rest, applyReading(rest, indicator, answer, reading, true));
  }
  const navigation = NAVIGATION.get(foldText(input.text));
  if (navigation === 'back') return askAt(rest, here.draft.cursor);
  if (navigation === 'skip' && indicator.required) {
    const lead = [
      reply('report.requiredNoSkip', { number: indicator.number, name: indicatorName(indicator, here.lang) }),
    ];
    return askQueued(here, lead) ?? advance(here, lead);
  }
  return answerFigure(rest, input);
}
