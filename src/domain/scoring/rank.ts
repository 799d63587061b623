import type { TieBreak } from '../bloc.ts';
import type { StandingRow } from './types.ts';
import type { UnitScore } from './unit-score.ts';

type Compare = (a: UnitScore, b: UnitScore) => number;

/**
 * `submitted_at` over several periods: more periods reported first (a missing month is later than
 * any report), then the earlier first submissions in sum. For one period: the earlier report first.
 */
function submittedAtKey(row: UnitScore): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (const entry of row.periods) {
    if (!entry.firstSubmittedAt) continue;
    count += 1;
    sum += entry.firstSubmittedAt.getTime();
  }
  return { count, sum };
}

const REAL_TIE_BREAKS: Record<Exclude<TieBreak, 'name'>, Compare> = {
  total: (a, b) => b.total - a.total,
  on_time: (a, b) => b.onTimePeriods - a.onTimePeriods,
  submitted_at: (a, b) => {
    const x = submittedAtKey(a);
    const y = submittedAtKey(b);
    return y.count - x.count || x.sum - y.sum;
  },
};

// Vietnamese order for names ("Bảo Yên" before "Bắc Hà" as the bloc's own lists sort them).
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
  const indexed = scores.map((score, index) => ({ score, index }));
  indexed.sort(
    (a, b) =>
      decide(a.score, b.score) ||
      (byName ? collator.compare(a.score.unit.name, b.score.unit.name) : 0) ||
      a.index - b.index,
  );
  const rows: StandingRow[] = [];
  indexed.forEach(({ score }, position) => {
    const previous = rows[position - 1];
    const previousScore = indexed[position - 1]?.score;
    const shared = previous !== undefined && previousScore !== undefined && decide(previousScore, score) === 0;
    rows.push({ ...score, rank: shared ? previous.rank : position + 1 });
  });
  return rows;
}
