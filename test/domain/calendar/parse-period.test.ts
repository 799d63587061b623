import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/domain/calendar/index.ts';

describe('parsePeriod', () => {
  it.each([
    '6/2023',
    '06/2023',
    'T6/2023',
    't6/2023',
    'T06/2023',
    'tháng 6/2023',
    'Tháng 6/2023',
    'thang 6/2023',
    'Tháng 06 năm 2023',
    'thang 6 nam 2023',
    'tháng 6 2023',
    '2023-06',
    '2023-6',
    '6-2023',
    '6.2023',
    '  6 / 2023  ',
    ' T 6/2023',
  ])('reads %j as 2023-06', (text) => {
    expect(parsePeriod(text)).toEqual({ type: 'period', id: '2023-06' });
  });

  it('reads December and January', () => {
    expect(parsePeriod('12/2023')).toEqual({ type: 'period', id: '2023-12' });
    expect(parsePeriod('T1/2024')).toEqual({ type: 'period', id: '2024-01' });
  });

  it('reads a bare year as the year to date', () => {
    expect(parsePeriod('2023')).toEqual({ type: 'year', year: 2023 });
    expect(parsePeriod(' 2024 ')).toEqual({ type: 'year', year: 2024 });
  });

  it.each([
    ['13/2023', '13'],
    ['0/2023', '0'],
    ['T00/2023', '00'],
    ['2023-13', '13'],
    ['2023-00', '00'],
  ])('refuses the month of %j', (text, month) => {
    expect(parsePeriod(text)).toEqual({
      type: 'error',
      key: 'period.errors.badMonth',
      params: { text, month },
    });
  });

  it.each([
    ['6/23', '23'],
    ['6/202', '202'],
    ['6/20234', '20234'],
    ['6/1999', '1999'],
    ['1999', '1999'],
    ['2100', '2100'],
  ])('refuses the year of %j (four digits, 2000–2099)', (text, year) => {
    expect(parsePeriod(text)).toEqual({ type: 'error', key: 'period.errors.badYear', params: { text, year } });
  });

  it.each(['', '   ', 'abc', 'tháng sáu', '6', 'T6', '2023-06-01', '62023', '6//2023', 'x6/2023', '6/2023 abc'])(
    'refuses %j as badly written',
    (text) => {
      expect(parsePeriod(text)).toEqual({
        type: 'error',
        key: 'period.errors.badFormat',
        params: { text: text.trim() },
      });
    },
  );

  it('reads a month word without a year against the current period', () => {
    expect(parsePeriod('T6', '2023-08')).toEqual({ type: 'period', id: '2023-06' });
    expect(parsePeriod('tháng 8', '2023-08')).toEqual({ type: 'period', id: '2023-08' });
    // A later month than the current one means last year's.
    expect(parsePeriod('tháng 11', '2024-02')).toEqual({ type: 'period', id: '2023-11' });
    expect(parsePeriod('T13', '2024-02')).toMatchObject({ type: 'error', key: 'period.errors.badMonth' });
    // Bare digits stay a figure or a choice number, never a month.
    expect(parsePeriod('6', '2023-08')).toMatchObject({ type: 'error', key: 'period.errors.badFormat' });
  });
});
