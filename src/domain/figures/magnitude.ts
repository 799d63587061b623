import { MONEY_SCALE, MONEY_UNITS, type MeasureUnit } from '../bloc.ts';

/**
 * The order of magnitude of a figure in the words Vietnamese counts in (nghìn, triệu, tỷ, nghìn tỷ),
 * so the two readings of "20,207 tỷ" stop looking alike: ≈ 20 tỷ against ≈ 20 nghìn tỷ. Money is
 * counted in đồng whatever the indicator's unit; anything else in its own unit. The words are in
 * the locale files (`figures.magnitude.<scale>`); this is only which one and how many.
 */
export type MagnitudeScale = 'thousandBillion' | 'billion' | 'million' | 'thousand' | 'one';

/** Largest first: a figure takes the first scale it reaches. */
export const MAGNITUDE_SCALES: ReadonlyArray<{ scale: MagnitudeScale; size: number }> = [
  { scale: 'thousandBillion', size: 1e12 },
  { scale: 'billion', size: 1e9 },
  { scale: 'million', size: 1e6 },
  { scale: 'thousand', size: 1e3 },
  { scale: 'one', size: 1 },
];

export interface Magnitude {
  scale: MagnitudeScale;
  /** How many of the scale, rounded to what the eye compares: whole from 10 up, one decimal below. */
  amount: number;
  /** Decimals `amount` is written with. */
  decimals: number;
}

const isMoney = (u: MeasureUnit): u is (typeof MONEY_UNITS)[number] => (MONEY_UNITS as readonly string[]).includes(u);

export function magnitudeOf(value: number, unit: MeasureUnit): Magnitude | undefined {
  if (!Number.isFinite(value)) return undefined;
  const base = Math.abs(isMoney(unit) ? value * MONEY_SCALE[unit] : value);
  for (const [i, { scale, size }] of MAGNITUDE_SCALES.entries()) {
    if (base < size && i < MAGNITUDE_SCALES.length - 1) continue;
    const decimals = base / size >= 10 ? 0 : 1;
    const amount = round(base / size, decimals);
    // 999,96 tỷ rounds to 1.000 tỷ: that is 1 nghìn tỷ.
    const bigger = MAGNITUDE_SCALES[i - 1];
    if (bigger && amount * size >= bigger.size) return { scale: bigger.scale, amount: 1, decimals: 1 };
    return { scale, amount: Math.sign(value) * amount, decimals };
  }
  return undefined;
}

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}
