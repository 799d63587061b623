import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/domain/bloc.ts';
import type { FigureValue } from '../../../src/domain/figure.ts';
import {
  FIGURE_ERROR_KEYS,
  formatFigure,
  inValidRange,
  readFigure,
  type FigureReading,
} from '../../../src/domain/figures/index.ts';
import { FREE_RATIO, GROWTH, INDICATOR_CODES, MILLIONS, SMALL_COUNT, indicator } from './fixtures.ts';

const INDICATORS: Indicator[] = [
  ...INDICATOR_CODES.map((c) => indicator(c)),
  MILLIONS,
  GROWTH,
  FREE_RATIO,
  SMALL_COUNT,
];
const SCALARS = INDICATORS.filter((i) => i.kind !== 'ratio');
const RATIOS = INDICATORS.filter((i) => i.kind === 'ratio');

const ALPHABET = [
  '0',
  '1',
  '2',
  '5',
  '9',
  '.',
  ',',
  '%',
  '/',
  ' ',
  '\u00a0',
  '\u2009',
  '-',
  '+',
  '\u2212',
  '５',
  '，',
  '．',
  '％',
  'tỷ',
  'tỉ',
  'triệu',
  'tr',
  'nghìn',
  'đồng',
  'đ',
  'VNĐ',
  'trên',
  'xã',
  'người',
  'lượt',
  'tiêu chí',
  'phần trăm',
  'e',
  '∞',
  'k',
  'abc',
  '\u0301',
];
const figureLike = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 20 }).map((parts) => parts.join(''));

/** Values an indicator can hold, inside and outside its range, with up to two decimals more than it keeps. */
function scalarFor(ind: Indicator): fc.Arbitrary<FigureValue> {
  const min = ind.range.min < 0 ? -1e9 : 0;
  if (ind.kind === 'count') return fc.integer({ min, max: 1e9 }).map((value) => ({ type: 'scalar', value }));
  return fc
    .tuple(fc.integer({ min, max: 1e9 }), fc.integer({ min: 0, max: ind.decimals + 2 }))
    .map(([n, d]) => ({ type: 'scalar', value: n / 10 ** d + 0 }));
}

function ratioFor(ind: Indicator): fc.Arbitrary<FigureValue> {
  return fc
    .tuple(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }))
    .map(([a, b]) => (ind.ratioAtMostOne && a > b ? [b, a] : [a, b]))
    .map(([numerator = 0, denominator = 1]) => ({ type: 'ratio', numerator, denominator }));
}

/** The property of the reader: what the bot prints, it reads back, or asks with that value as a choice. */
function readsBackAs(reading: FigureReading, value: FigureValue, ind: Indicator): void {
  switch (reading.type) {
    case 'value':
      expect(reading.value).toStrictEqual(value);
      expect(inValidRange(value, ind)).toBe(true);
      break;
    case 'out_of_range':
      expect(reading.value).toStrictEqual(value);
      expect(inValidRange(value, ind)).toBe(false);
      break;
    case 'ambiguous':
      expect(reading.readings).toContainEqual(value);
      break;
    case 'error':
      expect.fail(`${formatFigure(value, ind)} was refused: ${reading.key}`);
  }
}

describe('readFigure reads back what formatFigure prints', () => {
  it.each(SCALARS.map((i) => [i.code, i] as const))('%s', (_code, ind) => {
    fc.assert(
      fc.property(scalarFor(ind), (value) => {
        readsBackAs(readFigure(formatFigure(value, ind), ind), value, ind);
      }),
      { numRuns: 300 },
    );
  });

  it.each(RATIOS.map((i) => [`${i.code}${i.ratioAtMostOne ? '' : ' (a > b allowed)'}`, i] as const))(
    '%s',
    (_name, ind) => {
      fc.assert(
        fc.property(ratioFor(ind), fc.constantFrom('/', ' / ', ' trên ', ' tren '), (value, connector) => {
          const text = formatFigure(value, ind).replace('/', connector);
          readsBackAs(readFigure(text, ind), value, ind);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('reads a value it took the same way again', () => {
    fc.assert(
      fc.property(figureLike, fc.constantFrom(...INDICATORS), (text, ind) => {
        const first = readFigure(text, ind);
        if (first.type === 'value') readsBackAs(readFigure(formatFigure(first.value, ind), ind), first.value, ind);
      }),
      { numRuns: 2000 },
    );
  });
});

function wellFormed(reading: FigureReading): void {
  switch (reading.type) {
    case 'error':
      expect(FIGURE_ERROR_KEYS).toContain(reading.key);
      expect(typeof reading.example).toBe('string');
      break;
    case 'ambiguous':
      expect(reading.readings[0]).not.toStrictEqual(reading.readings[1]);
      break;
    default:
      if (reading.value.type === 'scalar') expect(Number.isFinite(reading.value.value)).toBe(true);
      else expect(reading.value.denominator).toBeGreaterThan(0);
  }
}

describe('readFigure never throws', () => {
  it.each([
    ['any string', fc.string({ maxLength: 250 })],
    ['any graphemes', fc.string({ unit: 'grapheme', maxLength: 100 })],
    ['any code points', fc.string({ unit: 'binary', maxLength: 250 })],
    [
      'lone surrogates and controls',
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
    ],
    ['the figure alphabet', figureLike],
  ] as const)('on %s', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, fc.constantFrom(...INDICATORS), (text, ind) => {
        wellFormed(readFigure(text, ind));
      }),
      { numRuns: 1000 },
    );
  });
});
