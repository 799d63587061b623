import { describe, expect, it } from 'vitest';
import type { Indicator, MeasureUnit } from '../../../src/domain/bloc.ts';
import type { FigureValue } from '../../../src/domain/figure.ts';
import { readFigure, type FigureReading } from '../../../src/domain/figures/index.ts';
import {
  AMOUNT,
  CRITERIA,
  FREE_RATIO,
  GROWTH,
  MILLIONS,
  NTM_RATIO,
  PEOPLE,
  PERCENT,
  PLAN_PERCENT,
  RATIO,
  SMALL_COUNT,
  TIMES,
  YOY,
  indicator,
} from './fixtures.ts';

const REVENUE = indicator('thu-ngan-sach');

const s = (value: number): FigureValue => ({ type: 'scalar', value });
const r = (numerator: number, denominator: number): FigureValue => ({ type: 'ratio', numerator, denominator });
const value = (n: number, notes: { convertedFrom?: MeasureUnit; englishDecimal?: boolean } = {}): FigureReading => ({
  type: 'value',
  value: s(n),
  ...notes,
});
const ratio = (a: number, b: number): FigureReading => ({ type: 'value', value: r(a, b) });
const dotAmbiguous = (thousands: number, decimal: number): FigureReading => ({
  type: 'ambiguous',
  readings: [s(thousands), s(decimal)],
  reason: 'dot_thousands_or_decimal',
});
const commaAmbiguous = (decimal: number, thousands: number): FigureReading => ({
  type: 'ambiguous',
  readings: [s(decimal), s(thousands)],
  reason: 'comma_decimal_or_thousands',
});
const outOfRange = (
  v: FigureValue,
  ind: Indicator,
  notes: { convertedFrom?: MeasureUnit; englishDecimal?: boolean } = {},
): FigureReading => ({
  type: 'out_of_range',
  value: v,
  range: ind.range,
  ...notes,
});
const error = (name: string, example: string, params: Record<string, string | number> = {}): FigureReading => ({
  type: 'error',
  key: `figures.errors.${name}` as never,
  params,
  example,
});

// Examples each indicator's errors carry.
const EX_AMOUNT = '20.207';
const EX_PLAN = '51,6';
const EX_PERCENT = '99,7';
const EX_YOY = '91';
const EX_COUNT = '1.502';
const EX_RATIO = '152/152';
const EX_CRITERIA = '10,61';

const CASES: Array<[string, string, Indicator, FigureReading]> = [
  // The seed's forms
  ['seed: decimal comma with %', '51,6%', PLAN_PERCENT, value(51.6)],
  ['seed: English decimal point', '54.9%', PLAN_PERCENT, value(54.9, { englishDecimal: true })],
  ['seed: two English decimals', '66.62%', PLAN_PERCENT, value(66.62, { englishDecimal: true })],
  ['seed: 65.4%', '65.4%', PLAN_PERCENT, value(65.4, { englishDecimal: true })],
  ['seed: thousands with tỷ đồng', '20.207 tỷ đồng', AMOUNT, value(20207)],
  ['seed: thousands, no unit', '20.207', AMOUNT, value(20207)],
  ['seed: 9.224 lượt', '9.224', TIMES, value(9224)],
  ['seed: 9.224 with lượt', '9.224 lượt', TIMES, value(9224)],
  ['seed: plain count', '1502', TIMES, value(1502)],
  ['seed: 1502 lượt', '1502 lượt', TIMES, value(1502)],
  ['seed: ratio', '152/152', RATIO, ratio(152, 152)],
  ['seed: ratio with the seed label', '152/152 xã, phường, thị trấn', RATIO, ratio(152, 152)],
  ['seed: 99,7%', '99,7%', PERCENT, value(99.7)],
  ['seed: criteria', '10,61', CRITERIA, value(10.61)],
  ['seed: criteria with label', '10,61 tiêu chí', CRITERIA, value(10.61)],
  ['seed: 62/127', '62/127', NTM_RATIO, ratio(62, 127)],
  ['seed: 62 trên 127', '62 trên 127', NTM_RATIO, ratio(62, 127)],
  ['seed: 62 tren 127 without accents', '62 tren 127 xa', NTM_RATIO, ratio(62, 127)],
  ['seed: the 65.79,2% typo', '65.79,2%', PLAN_PERCENT, error('mixedSeparators', EX_PLAN)],
  ['seed: 210%', '210%', PLAN_PERCENT, value(210)],
  ['seed: yoy 91%', '91%', YOY, value(91)],
  // Plain numbers and Vietnamese grouping
  ['integer', '76', PLAN_PERCENT, value(76)],
  ['zero', '0', PEOPLE, value(0)],
  ['leading zeros', '007', PEOPLE, value(7)],
  ['millions grouped by dots', '1.234.567', MILLIONS, value(1234567)],
  ['dots with decimal comma', '1.234,5', AMOUNT, value(1234.5)],
  ['many dots with decimal comma', '1.234.567,89', MILLIONS, value(1234567.89)],
  ['decimal comma, two digits', '10,61', AMOUNT, value(10.61)],
  ['decimal comma, four digits', '1,2345', AMOUNT, value(1.2345)],
  ['more decimals than the indicator keeps', '51,66', PLAN_PERCENT, value(51.66)],
  ['decimal comma after four digits', '1234,567', AMOUNT, value(1234.567)],
  ['0,234 is a decimal', '0,234', AMOUNT, value(0.234)],
  // English decimal point
  ['English decimal, four digits', '1.2345', AMOUNT, value(1.2345, { englishDecimal: true })],
  ['0.234 cannot be thousands', '0.234', AMOUNT, value(0.234, { englishDecimal: true })],
  ['1234.567 cannot be thousands', '1234.567', AMOUNT, value(1234.567, { englishDecimal: true })],
  ['English decimal on a count', '12.5', PEOPLE, error('notWhole', EX_COUNT)],
  // Dot followed by three digits
  ['1.234 on a percent: ask', '1.234', PERCENT, dotAmbiguous(1234, 1.234)],
  ['1.234 on a percent of plan: ask', '1.234%', PLAN_PERCENT, dotAmbiguous(1234, 1.234)],
  ['1.234 on a count: thousands', '1.234', PEOPLE, value(1234)],
  ['1.500 on a small count: out of range', '1.500', SMALL_COUNT, outOfRange(s(1500), SMALL_COUNT)],
  ['both readings out of range', '999.999', PERCENT, outOfRange(s(999999), PERCENT)],
  ['1.000 on criteria 0–19: ask', '1.000', CRITERIA, dotAmbiguous(1000, 1)],
  // Comma followed by three digits
  ['20,207 on an amount: ask', '20,207', AMOUNT, commaAmbiguous(20.207, 20207)],
  ['20,207 on a count: thousands', '20,207', PEOPLE, value(20207)],
  ['20,000 on a count: both whole, ask', '20,000', PEOPLE, commaAmbiguous(20, 20000)],
  ['20,207 on a percent: ask even if only one is in range', '20,207', PERCENT, commaAmbiguous(20.207, 20207)],
  ['1,500 on a small count: thousands, out of range', '1,500', SMALL_COUNT, outOfRange(s(1500), SMALL_COUNT)],
  // Spaces
  ['space-grouped thousands', '20 207', AMOUNT, value(20207)],
  ['NBSP-grouped with tỷ', '20\u00a0207 tỷ', AMOUNT, value(20207)],
  ['narrow NBSP grouping', '1\u202f234\u202f567', MILLIONS, value(1234567)],
  ['thin space before %', '51,6\u2009%', PLAN_PERCENT, value(51.6)],
  ['space before %', '51,6 %', PLAN_PERCENT, value(51.6)],
  ['space groups with decimal comma', '20 207,5', AMOUNT, value(20207.5)],
  ['surrounding spaces', '  51,6%  ', PLAN_PERCENT, value(51.6)],
  ['space group of two digits', '20 20', AMOUNT, error('badGrouping', EX_AMOUNT)],
  ['space groups with a dot', '1 234.5', AMOUNT, error('mixedSeparators', EX_AMOUNT)],
  // Full-width forms
  ['full-width digits and signs', '５１，６％', PLAN_PERCENT, value(51.6)],
  ['full-width dot', '２０．２０７', AMOUNT, value(20207)],
  // Signs
  ['plus sign', '+5%', YOY, value(5)],
  ['minus where the range allows it', '-5%', GROWTH, value(-5)],
  ['U+2212 minus where the range allows it', '\u22125,5%', GROWTH, value(-5.5)],
  ['minus with a space', '- 12', GROWTH, value(-12)],
  ['minus below the range', '-150', GROWTH, outOfRange(s(-150), GROWTH)],
  ['negative count', '-5', PEOPLE, error('negative', EX_COUNT)],
  ['negative percent', '\u22125%', YOY, error('negative', EX_YOY)],
  ['minus zero', '-0', PEOPLE, value(0)],
  ['negative ratio', '-1/2', NTM_RATIO, error('negative', EX_RATIO)],
  ['double sign', '--5', GROWTH, error('notANumber', EX_YOY)],
  // Money units and conversion
  ['tỷ', '20.207 tỷ', AMOUNT, value(20207)],
  ['tỉ', '20,5 tỉ', AMOUNT, value(20.5)],
  ['ty without accents', '20,5 ty dong', AMOUNT, value(20.5)],
  ['TỶ in capitals', '20,5 TỶ ĐỒNG', AMOUNT, value(20.5)],
  ['500 triệu into tỷ', '500 triệu', AMOUNT, value(0.5, { convertedFrom: 'million_vnd' })],
  ['500 tr into tỷ', '500 tr', AMOUNT, value(0.5, { convertedFrom: 'million_vnd' })],
  ['1.500 triệu đồng into tỷ', '1.500 triệu đồng', AMOUNT, value(1.5, { convertedFrom: 'million_vnd' })],
  ['nghìn đồng into tỷ', '250 nghìn đồng', AMOUNT, value(0.00025, { convertedFrom: 'thousand_vnd' })],
  ['ngàn into triệu', '250 ngàn', MILLIONS, value(0.25, { convertedFrom: 'thousand_vnd' })],
  ['đồng into tỷ', '20.207.000.000 đồng', AMOUNT, value(20.207, { convertedFrom: 'vnd' })],
  ['VNĐ into tỷ', '1.000.000.000 VNĐ', AMOUNT, value(1, { convertedFrom: 'vnd' })],
  ['đ into tỷ', '5.000.000.000đ', AMOUNT, value(5, { convertedFrom: 'vnd' })],
  [
    'tỷ into triệu',
    '20,207 tỷ',
    MILLIONS,
    {
      type: 'ambiguous',
      readings: [s(20207), s(20207000)],
      reason: 'comma_decimal_or_thousands',
      convertedFrom: 'billion_vnd',
    },
  ],
  ['1,5 tỷ into triệu', '1,5 tỷ', MILLIONS, value(1500, { convertedFrom: 'billion_vnd' })],
  ['200.000 tỷ: thousands out of range, decimal inside: ask', '200.000 tỷ', AMOUNT, dotAmbiguous(200000, 200)],
  [
    'conversion decides the range',
    '150.000.000 triệu',
    AMOUNT,
    outOfRange(s(150000), AMOUNT, { convertedFrom: 'million_vnd' }),
  ],
  ['revenue in tỷ', '1.234,5 tỷ đồng', REVENUE, value(1234.5)],
  // Label words
  ['người on a count of people', '1.200 người', PEOPLE, value(1200)],
  ['lao động on a count of people', '1.200 lao động', PEOPLE, value(1200)],
  ['lượt on people', '1.200 lượt', PEOPLE, error('wrongUnit', EX_COUNT, { unit: 'times', expected: 'people' })],
  ['người on a ratio', '152/152 người', RATIO, error('wrongUnit', EX_RATIO, { unit: 'people', expected: 'communes' })],
  ['% on money', '20%', AMOUNT, error('wrongUnit', EX_AMOUNT, { unit: 'percent', expected: 'billion_vnd' })],
  ['% on a count', '50%', PEOPLE, error('wrongUnit', EX_COUNT, { unit: 'percent', expected: 'people' })],
  ['tỷ on a percent', '20 tỷ', PERCENT, error('wrongUnit', EX_PERCENT, { unit: 'billion_vnd', expected: 'percent' })],
  ['phần trăm spelt out', '51,6 phần trăm', PLAN_PERCENT, value(51.6)],
  ['two units', '20 tỷ triệu', AMOUNT, error('unknownUnit', EX_AMOUNT, { word: 'tỷ triệu' })],
  ['unknown word after a number', '20 abc', AMOUNT, error('unknownUnit', EX_AMOUNT, { word: 'abc' })],
  ['k is not understood', '500k', AMOUNT, error('unknownUnit', EX_AMOUNT, { word: 'k' })],
  // Ratios
  ['ratio with spaces around the slash', '62 / 127', NTM_RATIO, ratio(62, 127)],
  ['ratio with dot thousands', '1.234/2.000', FREE_RATIO, ratio(1234, 2000)],
  ['ratio with a > b', '153/152', RATIO, error('ratioAboveOne', EX_RATIO, { numerator: 153, denominator: 152 })],
  ['ratio a > b allowed by the indicator', '150/100', FREE_RATIO, ratio(150, 100)],
  ['ratio a > b beyond the percent range', '20/1', FREE_RATIO, outOfRange(r(20, 1), FREE_RATIO)],
  ['0/0', '0/0', RATIO, error('ratioZeroDenominator', EX_RATIO)],
  ['5/0', '5/0', FREE_RATIO, error('ratioZeroDenominator', '62/127')],
  ['0/127', '0/127', NTM_RATIO, ratio(0, 127)],
  ['ratio with decimals', '1,5/2', RATIO, error('ratioNotWhole', EX_RATIO)],
  ['ratio with an English decimal', '1.5/2', RATIO, error('ratioNotWhole', EX_RATIO)],
  ['ratio with comma thousands', '1,234/2,000', FREE_RATIO, error('ratioNotWhole', '62/127')],
  ['plain number for a ratio', '49', RATIO, error('ratioExpected', EX_RATIO)],
  ['percent for a ratio', '49%', NTM_RATIO, error('ratioExpected', EX_RATIO)],
  ['ratio for a percent', '62/127', PERCENT, error('ratioNotExpected', EX_PERCENT)],
  ['ratio for an amount', '62 trên 127', AMOUNT, error('ratioNotExpected', EX_AMOUNT)],
  ['dangling slash', '152/', RATIO, error('ratioExpected', EX_RATIO)],
  ['dangling slash on a count', '152/', PEOPLE, error('notANumber', EX_COUNT)],
  // Out of range
  ['percent above 100', '101%', PERCENT, outOfRange(s(101), PERCENT)],
  ['English decimal out of range', '154.9%', PERCENT, outOfRange(s(154.9), PERCENT, { englishDecimal: true })],
  ['criteria above 19', '19,5', CRITERIA, outOfRange(s(19.5), CRITERIA)],
  ['upper bound is inclusive', '100%', PERCENT, value(100)],
  // Refused forms
  ['empty', '', AMOUNT, error('empty', EX_AMOUNT)],
  ['only spaces', ' \u00a0 ', AMOUNT, error('empty', EX_AMOUNT)],
  ['words', 'năm mươi', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['abc', 'abc', CRITERIA, error('notANumber', EX_CRITERIA)],
  ['text before the number', 'đạt 51,6%', PLAN_PERCENT, error('notANumber', EX_PLAN)],
  ['exponent', '1e9', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['infinity', '∞', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['English thousands', '1,234,567', MILLIONS, error('badGrouping', EX_AMOUNT)],
  ['English thousands with a point', '1,234.5', AMOUNT, error('mixedSeparators', EX_AMOUNT)],
  ['bad dot groups', '1.23.4', AMOUNT, error('badGrouping', EX_AMOUNT)],
  ['dot group with leading zero', '0.234.567', AMOUNT, error('badGrouping', EX_AMOUNT)],
  ['trailing comma', '51,', PLAN_PERCENT, error('notANumber', EX_PLAN)],
  ['trailing dot', '20.207.', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['double dot', '1..2', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['only a percent sign', '%', PERCENT, error('notANumber', EX_PERCENT)],
  ['digits after the unit', '20 tỷ 5', AMOUNT, error('notANumber', EX_AMOUNT)],
  ['over 200 characters', '1'.repeat(201), AMOUNT, error('tooLong', EX_AMOUNT, { max: 200 })],
  ['a 10,000-character message', '20.207 tỷ '.repeat(1000), AMOUNT, error('tooLong', EX_AMOUNT, { max: 200 })],
];

describe('readFigure', () => {
  it.each(CASES)('%s', (_name, text, ind, expected) => {
    expect(readFigure(text, ind)).toStrictEqual(expected);
  });

  it('refuses a 10,000-digit message unread (checked on its length before any parsing)', () => {
    expect(readFigure('9'.repeat(10_000), AMOUNT)).toStrictEqual(error('tooLong', EX_AMOUNT, { max: 200 }));
  });

  it('keeps an exact 200-character figure readable', () => {
    // 195 digits, a space and "tỷ": 198 characters, read (and far out of range), not refused as too long.
    expect(readFigure(`${'1'.repeat(195)} tỷ`, AMOUNT).type).toBe('out_of_range');
  });
});
