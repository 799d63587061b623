import { messageOf, reply, type Message, type Reply } from '../../app/messages.ts';
import { MONEY_UNITS, type Indicator, type MeasureUnit } from '../../domain/bloc.ts';
import { exampleFor, readAsShareOfPlan, type FigureReading } from '../../domain/figures/index.ts';
import { foldText } from '../../domain/text-fold.ts';
import { ESTIMATE_WORDS } from '../../domain/vocabulary.ts';
import { figureDetail, figureErrorParams, indicatorName, planFor, type ReadingNotes } from './figure-text.ts';
import { checkQuestion } from './checks.ts';
import type { Here } from './navigation.ts';
import type { OpenQuestion, ReportDraft } from './session.ts';

/** What was typed for one figure: the figure itself (kept as `raw`), an optional note, estimate or not. */
export interface Answer {
  figure: string;
  note?: string;
  estimate: boolean;
}

const ESTIMATES: ReadonlySet<string> = new Set(ESTIMATE_WORDS);
const LONGEST_ESTIMATE = Math.max(...ESTIMATE_WORDS.map((w) => w.split(' ').length));
const strip = (word: string): string => foldText(word).replace(/^[([{]+|[)\]},.:;!]+$/g, '');

/**
 * Cuts an answer into figure, note and estimate mark. The note is what follows the first `;` or line
 * break ("51,6% ; số ước, chờ thống kê"). An estimate word right after the figure ("51,6% ước") or
 * starting the note marks an estimate; a note that is only that word is no note.
 */
export function splitAnswer(text: string): Answer {
  const cut = text.search(/[;\n]/);
  const head = (cut < 0 ? text : text.slice(0, cut)).trim();
  const tail = cut < 0 ? '' : text.slice(cut + 1).trim();
  let estimate = false;
  const words = head.split(/\s+/);
  for (let n = Math.min(LONGEST_ESTIMATE, words.length - 1); n >= 1; n--) {
    if (ESTIMATES.has(words.slice(-n).map(strip).join(' '))) {
      estimate = true;
      words.splice(words.length - n, n);
      break;
    }
  }
  let note: string | undefined = tail === '' ? undefined : tail;
  if (note !== undefined) {
    const noteWords = note.split(/\s+/).map(strip);
    for (let n = Math.min(LONGEST_ESTIMATE, noteWords.length); n >= 1; n--) {
      if (ESTIMATES.has(noteWords.slice(0, n).join(' '))) {
        estimate = true;
        if (n === noteWords.length) note = undefined;
        break;
      }
    }
  }
  return { figure: words.join(' '), note, estimate };
}

/** What one reading did to the draft. */
export type Applied =
  | { type: 'taken'; draft: ReportDraft; echo: Reply }
  | { type: 'queued'; draft: ReportDraft }
  | { type: 'error'; error: Reply; reason: Message };

/**
 * Applies the reading of an answer for `indicator`: a value is taken (with its echo) unless a
 * validation rule asks it back; an ambiguous, out-of-range or unlikely one becomes an open question
 * (`first`: asked next, before any other); a bare number for a ratio whose unit has a plan is read as
 * a share of it, to confirm ("17" → 17/17); an error is returned to show, its example fitting the unit.
 */
export function applyReading(
  here: Here,
  indicator: Indicator,
  answer: Answer,
  reading: FigureReading,
  first: boolean,
): Applied {
  // A new answer replaces any question still open about the same indicator.
  const draft = { ...here.draft, queue: here.draft.queue.filter((q) => q.code !== indicator.code) };
  const base = { code: indicator.code, raw: answer.figure, note: answer.note, estimate: answer.estimate };
  const enqueue = (question: OpenQuestion): Applied => ({
    type: 'queued',
    draft: { ...draft, queue: first ? [question, ...draft.queue] : [...draft.queue, question] },
  });
  const plan = planFor(here.bloc, draft.planYear, draft.unitId, indicator);
  switch (reading.type) {
    case 'value': {
      const notes = { convertedFrom: moneyUnit(reading.convertedFrom), englishDecimal: reading.englishDecimal };
      const question = checkQuestion({ ...here, draft }, indicator, answer, reading.value, notes);
      if (question) return enqueue(question);
      const value = { raw: answer.figure, value: reading.value, note: answer.note, estimate: answer.estimate };
      return take({ ...here, draft }, indicator, value, reading);
    }
    case 'ambiguous':
      return enqueue({
        ...base,
        kind: 'ambiguous',
        readings: reading.readings,
        convertedFrom: moneyUnit(reading.convertedFrom),
      });
    case 'out_of_range':
      return enqueue({
        ...base,
        kind: 'outOfRange',
        readings: [reading.value],
        convertedFrom: moneyUnit(reading.convertedFrom),
        englishDecimal: reading.englishDecimal,
      });
    case 'error': {
      if (reading.key === 'figures.errors.ratioExpected') {
        const share = readAsShareOfPlan(answer.figure, indicator, plan);
        if (share?.type === 'value') return enqueue({ ...base, kind: 'shareOfPlan', readings: [share.value] });
        if (share?.type === 'error') return error(share.key, share.params, indicator, plan);
      }
      return error(reading.key, reading.params, indicator, plan);
    }
  }
}

function error(
  key: Extract<FigureReading, { type: 'error' }>['key'],
  params: Record<string, string | number>,
  indicator: Indicator,
  plan: number | undefined,
): Applied {
  const reason = messageOf(key, figureErrorParams(params, exampleFor(indicator, plan), indicator));
  return { type: 'error', error: { ...reason }, reason };
}

/** Only money converts between units, so a converted-from unit is always one of them. */
function moneyUnit(unit: MeasureUnit | undefined): OpenQuestion['convertedFrom'] {
  return MONEY_UNITS.find((u) => u === unit);
}

/** Takes a settled figure into the draft; the echo shows how it was read. */
export function take(
  here: Here,
  indicator: Indicator,
  value: ReportDraft['values'][string],
  notes: ReadingNotes = {},
): Applied {
  const draft = { ...here.draft, values: { ...here.draft.values, [indicator.code]: value } };
  const plan = planFor(here.bloc, draft.planYear, draft.unitId, indicator);
  const figure = figureDetail(value, indicator, plan, {
    convertedFrom: notes.convertedFrom,
    englishDecimal: notes.englishDecimal,
  });
  return {
    type: 'taken',
    draft,
    echo: reply('report.echo', { number: indicator.number, name: indicatorName(indicator, here.lang), figure }),
  };
}
