import { msg, type Message } from '../../app/messages.ts';
import type { PeriodProgress, ProgressLine } from '../../app/use-cases/progress.ts';
import { formatPercent } from '../../domain/figures/format-figure.ts';
import { periodLabel } from '../shared/format.ts';
import { reportStateMessage } from '../shared/report-state.ts';

const GROUPS = ['onTime', 'late', 'returned', 'draft', 'none'] as const;

/** "7/9 đơn vị (77,8%)" (domain.md, "Completeness"). */
function rateOf(count: number, expected: number): Message {
  const percent = formatPercent(expected > 0 ? (count / expected) * 100 : 0);
  return msg('progress.rate', { count, expected, percent });
}

/** The reporting rate and the on-time rate of a period. */
export function ratesMessage(progress: PeriodProgress): Message {
  const { submitted, onTime, expected } = progress.reporting;
  return msg('progress.rates', { submitted: rateOf(submitted, expected), onTime: rateOf(onTime, expected) });
}

const names = (lines: readonly ProgressLine[]) => lines.map((l) => l.unit.name).join(', ');

/** Who is in on time, in late, returned, drafting, silent: one line per group that has units. */
export function groupLines(progress: PeriodProgress): Message[] {
  return GROUPS.filter((g) => progress[g].length > 0).map((g) =>
    msg(`progress.group.${g}`, { count: progress[g].length, units: names(progress[g]) }),
  );
}

/** The whole digest: the period, the rates, then the groups with the units' names. */
export function progressMessage(progress: PeriodProgress): Message {
  return msg('progress.full', {
    period: periodLabel(progress.periodId),
    rates: ratesMessage(progress),
    groups: groupLines(progress),
  });
}

/** A focal point's view: the bloc's rates and their own unit's line, never another unit's name. */
export function ownProgressMessage(progress: PeriodProgress, unitId: string, timezone: string): Message | undefined {
  const line = GROUPS.flatMap((g) => progress[g]).find((l) => l.unit.id === unitId);
  if (!line) return undefined;
  return msg('progress.own', {
    period: periodLabel(progress.periodId),
    rates: ratesMessage(progress),
    unit: line.unit.name,
    state: reportStateMessage(line.status, timezone),
  });
}
