// The example bloc's 11 indicators (domain.md), as the figure reader sees them.
import type { Indicator, IndicatorKind, MeasureUnit } from '../../../src/domain/bloc.ts';

interface Spec {
  kind: IndicatorKind;
  unit: MeasureUnit;
  decimals: number;
  min?: number;
  max: number;
}

const SPECS = {
  'thu-ngan-sach': { kind: 'amount', unit: 'billion_vnd', decimals: 1, max: 100_000 },
  'san-luong-cay-trong': { kind: 'percent_of_plan', unit: 'percent', decimals: 1, max: 300 },
  'gia-tri-cong-nghiep': { kind: 'amount', unit: 'billion_vnd', decimals: 1, max: 100_000 },
  'gia-tri-cong-nghiep-cung-ky': { kind: 'yoy_percent', unit: 'percent', decimals: 1, max: 500 },
  'viec-lam-moi': { kind: 'count', unit: 'people', decimals: 0, max: 100_000 },
  'pho-cap-giao-duc': { kind: 'ratio', unit: 'communes', decimals: 0, max: 100 },
  'huy-dong-hoc-sinh': { kind: 'percent', unit: 'percent', decimals: 1, max: 100 },
  'xa-nong-thon-moi': { kind: 'ratio', unit: 'communes', decimals: 0, max: 100 },
  'tieu-chi-ntm': { kind: 'number', unit: 'criteria', decimals: 2, max: 19 },
  'khen-thuong-tap-the': { kind: 'count', unit: 'times', decimals: 0, max: 100_000 },
  'khen-thuong-ca-nhan': { kind: 'count', unit: 'times', decimals: 0, max: 100_000 },
} satisfies Record<string, Spec>;

export type IndicatorCode = keyof typeof SPECS;

export const INDICATOR_CODES = Object.keys(SPECS) as IndicatorCode[];

/** One of the example indicators, with any field overridden for a test. */
export function indicator(code: IndicatorCode, overrides: Partial<Indicator> = {}): Indicator {
  const spec: Spec = SPECS[code];
  return {
    code,
    number: INDICATOR_CODES.indexOf(code) + 1,
    name: { vi: code, en: code },
    kind: spec.kind,
    unit: spec.unit,
    decimals: spec.decimals,
    range: { min: spec.min ?? 0, max: spec.max },
    required: true,
    aggregation: 'cumulative',
    ratioAtMostOne: spec.kind === 'ratio',
    ...overrides,
  };
}

/** Short names for the tests. */
export const AMOUNT = indicator('gia-tri-cong-nghiep');
export const PLAN_PERCENT = indicator('san-luong-cay-trong');
export const YOY = indicator('gia-tri-cong-nghiep-cung-ky');
export const PEOPLE = indicator('viec-lam-moi');
export const RATIO = indicator('pho-cap-giao-duc');
export const PERCENT = indicator('huy-dong-hoc-sinh');
export const NTM_RATIO = indicator('xa-nong-thon-moi');
export const CRITERIA = indicator('tieu-chi-ntm');
export const TIMES = indicator('khen-thuong-ca-nhan');
/** Variants the example bloc does not have but a bloc file may declare. */
export const MILLIONS = indicator('thu-ngan-sach', { unit: 'million_vnd', range: { min: 0, max: 1e9 } });
export const GROWTH = indicator('gia-tri-cong-nghiep-cung-ky', { range: { min: -100, max: 500 } });
export const FREE_RATIO = indicator('xa-nong-thon-moi', { ratioAtMostOne: false, range: { min: 0, max: 1000 } });
export const SMALL_COUNT = indicator('khen-thuong-tap-the', { range: { min: 0, max: 1000 } });
