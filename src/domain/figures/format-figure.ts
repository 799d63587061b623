/**
 * Numbers in Vietnamese format ("20.207", "51,6", "152/152"). Only the number text: the unit word
 * (tỷ đồng, người…) comes from the locale files.
 */
import type { Indicator, IndicatorKind } from '../bloc.ts';
import { figureNumber, type FigureValue } from '../figure.ts';

/** Intl accepts 0–100 fraction digits; 20 is already past what a double holds. */
const MAX_DECIMALS = 20;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minimum: number, maximum: number): Intl.NumberFormat {
  const key = `${minimum}-${maximum}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: minimum, maximumFractionDigits: maximum });
    formatters.set(key, f);
  }
  return f;
}

const clampDecimals = (d: number): number =>
  Number.isFinite(d) ? Math.min(MAX_DECIMALS, Math.max(0, Math.trunc(d))) : 0;

/**
 * Node 20's ICU prints vi-VN with "." and ",", but other ICU builds may group with a (narrow)
 * no-break space or use U+2212 for minus; the bot must read back what it prints, so force the
 * forms its reader accepts. In vi-VN the decimal mark is ",", so any space can only be grouping.
 */
function asciiForm(text: string): string {
  return text.replace(/[\s\u00a0\u202f]/g, '.').replace(/\u2212/g, '-');
}

/** `value` with at most `decimals` decimals, trailing zeros dropped: "20.207", "51,6", "40". */
export function formatNumber(value: number, decimals: number): string {
  const d = clampDecimals(decimals);
  // -0 would print as "-0".
  return asciiForm(formatter(0, d).format(value === 0 ? 0 : value));
}

/** A percent with exactly one decimal, as completion is shown: "40,0", "105,3". */
export function formatPercent(p: number): string {
  return asciiForm(formatter(1, 1).format(p === 0 ? 0 : p));
}

/** Decimals of the shortest text that reads back as `value` (5e-7 has 7, 1.5e-7 has 8). */
function naturalDecimals(value: number): number {
  const text = String(Math.abs(value));
  const [mantissa = '', exponent = '0'] = text.split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * The echo of a figure in Vietnamese format. It shows at least the indicator's decimals and never
 * fewer than the value holds, so "66.62%" on a 1-decimal indicator echoes "66,62", not a rounded
 * "66,6" the person never typed (tables that want fixed decimals use formatNumber).
 */
export function formatFigure(value: FigureValue, indicator: Indicator): string {
  if (value.type === 'ratio') return `${formatNumber(value.numerator, 0)}/${formatNumber(value.denominator, 0)}`;
  const decimals = Math.max(clampDecimals(indicator.decimals), Math.min(MAX_DECIMALS, naturalDecimals(value.value)));
  return formatNumber(value.value, decimals);
}

/** Completion against the plan, in percent; undefined when there is no usable plan. */
export function percentOfPlan(value: FigureValue | number, plan: number): number | undefined {
  if (!Number.isFinite(plan) || plan <= 0) return undefined;
  const n = typeof value === 'number' ? value : figureNumber(value);
  return Number.isFinite(n) ? (n / plan) * 100 : undefined;
}

/** Seed-like figures, used when they fall inside the indicator's range. */
const EXAMPLE_VALUES: Record<Exclude<IndicatorKind, 'ratio'>, number> = {
  percent_of_plan: 51.6,
  percent: 99.7,
  yoy_percent: 91,
  amount: 20207,
  count: 1502,
  number: 10.61,
};

/**
 * A correctly written figure for this indicator (number text only), shown with questions and errors.
 * A ratio's example fits the unit when its plan (the denominator: its number of communes) is known,
 * "17/17" rather than the province's "152/152", which a unit would copy.
 */
export function exampleFor(indicator: Indicator, plan?: number): string {
  if (indicator.kind === 'ratio') {
    if (plan !== undefined && Number.isInteger(plan) && plan > 0) {
      const total = formatNumber(plan, 0);
      return indicator.ratioAtMostOne ? `${total}/${total}` : `${formatNumber(Math.round(plan / 2), 0)}/${total}`;
    }
    return indicator.ratioAtMostOne ? '152/152' : '62/127';
  }
  const decimals = indicator.kind === 'count' ? 0 : clampDecimals(indicator.decimals);
  const { min, max } = indicator.range;
  let value = EXAMPLE_VALUES[indicator.kind];
  if (!(value >= min && value <= max) && Number.isFinite(min) && Number.isFinite(max)) {
    // Somewhere inside the range, away from the bounds, rounded to what the indicator shows.
    const scale = 10 ** decimals;
    value = Math.round((min + (max - min) * 0.516) * scale) / scale;
  }
  return formatNumber(value, decimals);
}
