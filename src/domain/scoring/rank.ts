import type { TieBreak } from '../bloc.ts';
import type { StandingRow } from './types.ts';
import type { UnitScore } from './unit-score.ts';

/** What the real tie-breaks read of a line, computed once per line rather than once per comparison. */
interface Keys {
  score: UnitScore;
  index: number;
  /** Periods with a first submission, and the sum of those instants (`submitted_at`). */
  submittedCount: number;
  submittedSum: number;
}

function keysOf(score: UnitScore, index: number): Keys {
  let submittedCount = 0;
  let submittedSum = 0;
  for (const entry of score.periods) {
    if (!entry.firstSubmittedAt) continue;
    submittedCount += 1;
    submittedSum += entry.firstSubmittedAt.getTime();
  }
  return { score, index, submittedCount, submittedSum };
}

type Compare = (a: Keys, b: Keys) => number;

/**
 * `submitted_at` over several periods: more periods reported first (a missing month is later than
 * any report), then the earlier first submissions in sum. For one period: the earlier report first.
 */
const REAL_TIE_BREAKS: Record<Exclude<TieBreak, 'name'>, Compare> = {
  total: (a, b) => b.score.total - a.score.total,
  on_time: (a, b) => b.score.onTimePeriods - a.score.onTimePeriods,
  submitted_at: (a, b) => b.submittedCount - a.submittedCount || a.submittedSum - b.submittedSum,
};

// Vietnamese order for names ("Bảo Yên" before "Bắc Hà": a comes before ă).
const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/**
 * Ranks unit lines by the bloc's tie-break order. `total`, `on_time` and `submitted_at` decide rank;
 * units still equal after all of them share a rank ("1, 2, 2, 4"). `name` never breaks a tie: it
 * only orders the display of equals (otherwise they keep the bloc file's order). Totals are
 * rounded to a millionth (criterion.ts), so equal scores compare equal.
 */
export function rankUnits(scores: readonly UnitScore[], tieBreak: readonly TieBreak[]): StandingRow[] {
  const real = tieBreak.filter((t): t is Exclude<TieBreak, 'name'> => t !== 'name').map((t) => REAL_TIE_BREAKS[t]);
  const byName = tieBreak.includes('name');
  const decide: Compare = (a, b) => {
    for (const compare of real) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
  const keyed = scores.map(keysOf);
  keyed.sort(
    (a, b) =>
      decide(a, b) || (byName ? collator.compare(a.score.unit.name, b.score.unit.name) : 0) || a.index - b.index,
  );
  const rows: StandingRow[] = [];
  keyed.forEach((keys, position) => {
    const before = keyed[position - 1];
    const previous = rows[position - 1];
    const shared = before !== undefined && previous !== undefined && decide(before, keys) === 0;
    rows.push({ ...keys.score, rank: shared ? previous.rank : position + 1 });
  });
  return rows;
}
