import type { Bloc } from '../../src/domain/bloc.ts';
import type { Planned } from './workload.ts';

/** One reply as the outbox holds it. */
export interface OutboxEntry {
  chatId: string;
  key: string;
  params: Record<string, unknown>;
}

interface Expected {
  key: string;
  /** For `report.ask.question`: the indicator's number (1-based). */
  number?: number;
  /** May be missing. */
  optional?: boolean;
}

/** What the report flow answers to one planned message: `/baocao` opens at 1, an answer moves on. */
function expectedReplies(bloc: Bloc, planned: Planned): Expected[] {
  const total = bloc.indicators.length;
  if (planned.indicatorIndex === undefined) {
    return [{ key: 'report.intro' }, { key: 'report.ask.question', number: 1 }];
  }
  const next = planned.indicatorIndex + 1;
  return [
    { key: 'report.echo' },
    next < total ? { key: 'report.ask.question', number: next + 1 } : { key: 'report.summary.title' },
  ];
}

/**
 * Compares, chat by chat and in order, the replies in the outbox with those the planned messages
 * must bring: every answer echoed and the next indicator asked (or the summary after the last).
 * An error, an ambiguity or an out-of-range question shows up as a different key. Returns the
 * differences, none when all is well.
 */
export function checkOutbox(bloc: Bloc, planned: readonly Planned[], entries: readonly OutboxEntry[]): string[] {
  const expected = new Map<string, Expected[]>();
  for (const p of planned) {
    const chatId = String(p.person.chat.id);
    expected.set(chatId, [...(expected.get(chatId) ?? []), ...expectedReplies(bloc, p)]);
  }
  const actual = new Map<string, OutboxEntry[]>();
  for (const e of entries) actual.set(e.chatId, [...(actual.get(e.chatId) ?? []), e]);

  const problems: string[] = [];
  for (const chatId of actual.keys())
    if (!expected.has(chatId)) problems.push(`chat ${chatId}: replies nobody asked for`);
  for (const [chatId, want] of expected) {
    const problem = compare(want, actual.get(chatId) ?? []);
    if (problem) problems.push(`chat ${chatId}: ${problem}`);
  }
  return problems;
}

/** The first difference between the replies wanted and those got, in order; undefined if none. */
function compare(want: readonly Expected[], got: readonly OutboxEntry[]): string | undefined {
  let i = 0;
  for (const w of want) {
    const g = got[i];
    const matches = g !== undefined && g.key === w.key && (w.number === undefined || g.params.number === w.number);
    if (matches) i += 1;
    else if (!w.optional)
      return `reply ${i + 1}: got ${g?.key} ${JSON.stringify(g?.params.number)}, expected ${w.key} ${w.number ?? ''}`;
  }
  return i === got.length
    ? undefined
    : `${got.length - i} more replies than expected (${got
        .slice(i, i + 3)
        .map((g) => g.key)
        .join(', ')}…)`;
}
