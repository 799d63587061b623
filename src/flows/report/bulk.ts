import { msg, reply, type Message, type Reply } from '../../app/messages.ts';
import { findIndicator } from '../../domain/bloc.ts';
import { readFigure } from '../../domain/figures/index.ts';
import { applyReading, splitAnswer } from './answer.ts';
import { figureDetail, indicatorName, planFor } from './figure-text.ts';
import type { Here } from './navigation.ts';
import type { ReportDraft } from './session.ts';

/** `<indicator number or code> : <figure>` (or `=`), one per line. */
const LINE = /^\s*([^\s:=]+)\s*[:=]\s*(.*)$/;
/** A paste starts with such a line whose key looks like an indicator number or code. */
const FIRST_LINE = /^\s*(?:\d{1,3}|[a-z][a-z0-9-]*)\s*[:=]/i;
/** More lines than any bloc has indicators is not a report. */
export const MAX_BULK_LINES = 60;
const SHOWN_TEXT = 40;

/** Whether a message is a bulk paste ("1: 45 tỷ" / "3 = 20.207") rather than one figure. */
export function isBulk(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '');
  return first !== undefined && FIRST_LINE.test(first);
}

export interface BulkResult {
  draft: ReportDraft;
  replies: Reply[];
  /** Figures taken or waiting for a choice: false when every line was refused. */
  progressed: boolean;
}

/**
 * Reads a paste line by line, each figure the way a single answer is read. Valid figures are taken;
 * ambiguous and out-of-range ones are queued to be asked one by one; unknown indicators and
 * unreadable lines are listed with their reasons (nothing is dropped in silence).
 */
export function applyBulk(here: Here, text: string): BulkResult {
  const lines = text.split('\n').slice(0, MAX_BULK_LINES + 1);
  let draft = here.draft;
  const taken: Message[] = [];
  const problems: Message[] = [];
  const seen = new Set<string>();
  let queued = 0;
  lines.forEach((line, i) => {
    const at = i + 1;
    if (line.trim() === '') return;
    if (i >= MAX_BULK_LINES) {
      problems.push(msg('report.bulk.tooManyLines', { max: MAX_BULK_LINES }));
      return;
    }
    const match = LINE.exec(line);
    if (!match) {
      problems.push(msg('report.bulk.unreadable', { line: at, text: shorten(line.trim()) }));
      return;
    }
    const [, key = '', rest = ''] = match;
    const indicator = findIndicator(here.bloc, key);
    if (!indicator) {
      problems.push(
        msg('report.bulk.unknownIndicator', { line: at, key: shorten(key), total: here.bloc.indicators.length }),
      );
      return;
    }
    const name = indicatorName(indicator, here.lang);
    if (seen.has(indicator.code)) {
      problems.push(msg('report.bulk.duplicate', { line: at, number: indicator.number, name }));
      return;
    }
    seen.add(indicator.code);
    const answer = splitAnswer(rest);
    const applied = applyReading({ ...here, draft }, indicator, answer, readFigure(answer.figure, indicator), false);
    if (applied.type === 'error') {
      problems.push(msg('report.bulk.badFigure', { line: at, number: indicator.number, name, reason: applied.reason }));
      return;
    }
    draft = applied.draft;
    if (applied.type === 'queued') {
      queued += 1;
      return;
    }
    const value = draft.values[indicator.code];
    if (value) {
      const figure = figureDetail(value, indicator, planFor(here.bloc, draft.planYear, draft.unitId, indicator));
      taken.push(msg('report.summary.line', { number: indicator.number, name, figure }));
    }
  });
  const replies: Reply[] = [];
  if (taken.length > 0) replies.push(reply('report.bulk.taken', { count: taken.length, lines: taken }));
  if (problems.length > 0) replies.push(reply('report.bulk.problems', { count: problems.length, lines: problems }));
  if (queued > 0) replies.push(reply('report.bulk.queued', { count: queued }));
  return { draft, replies, progressed: taken.length > 0 || queued > 0 };
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > SHOWN_TEXT ? `${chars.slice(0, SHOWN_TEXT).join('')}…` : text;
}
