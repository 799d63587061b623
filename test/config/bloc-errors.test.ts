import { describe, expect, it } from 'vitest';
import { formatBlocErrors } from '../../src/config/bloc-loader.ts';
import { blocOf, errorsOf, fixture, minimalWith, pathsAndMessages } from './helpers.ts';

describe('a bloc file with mistakes', () => {
  it('reports each of three planted mistakes once, with its path and line', () => {
    const errors = errorsOf(fixture('three-mistakes.yaml'));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['years.2023.plans.bac-ha.thu-ngan-sach', 12],
      ['years.2023.plans.bao-yenn', 13],
      ['calendar.due.day', 25],
    ]);
    expect(formatBlocErrors(errors)).toEqual([
      'test.yaml:12: years.2023.plans.bac-ha.thu-ngan-sach: expected a number',
      'test.yaml:13: years.2023.plans.bao-yenn: "bao-yenn" is not a member unit of 2023 (did you mean bao-yen?)',
      'test.yaml:25: calendar.due.day: must be at most 31',
    ]);
  });

  it('reports an unknown key with the key in its path, and suggests the right one', () => {
    expect(errorsOf(fixture('typo.yaml'))).toEqual([
      { source: 'test.yaml', path: 'calendar.grace_day', message: 'unknown key (did you mean grace_days?)', line: 15 },
    ]);
    expect(pathsAndMessages(minimalWith('name: Khối thử nghiệm', 'name: Khối thử nghiệm\nten_khoi: x'))).toEqual(['ten_khoi: unknown key']);
  });

  it('reports a missing required key', () => {
    expect(pathsAndMessages(minimalWith('    aggregation: stock\n    scoring', '    scoring'))).toEqual(['indicators.2.aggregation: required: one of cumulative, period, stock']);
  });

  it('explains a number written the Vietnamese way', () => {
    const text = fixture('three-mistakes.yaml').replace('"nhiều lắm"', '51,6').replace('bao-yenn', 'bao-yen').replace('day: 40', 'day: 16');
    expect(pathsAndMessages(text)).toEqual([
      'years.2023.plans.bac-ha.thu-ngan-sach: expected a number, got "51,6": write it without thousands dots and with a decimal point (20207, 10.61)',
    ]);
    // Inside { } the comma separates entries: never a silent 1 instead of 1500.
    expect(pathsAndMessages(minimalWith('thu-ngan-sach: 40 }', 'thu-ngan-sach: 1,500 }'))).toEqual([
      'years.2025.plans.phuong-b.500: expected a number, got nothing',
      'years.2025.plans.phuong-b.500: a comma inside { } separates entries, so "1,500" reads as 1 and 500: write 1500 (or 1.5)',
    ]);
  });

  it('refuses a thousands dot that YAML would read as a decimal (20.207 is not 20,207)', () => {
    const errors = errorsOf(minimalWith('thu-ngan-sach: 40 }', 'thu-ngan-sach: 20.207 }'));
    expect(errors.map((e) => [e.path, e.line])).toEqual([['years.2025.plans.phuong-b.thu-ngan-sach', 12]]);
    expect(errors[0]?.message).toMatch(/^"20\.207" is ambiguous: write 20207/);
  });

  it('checks that head and deputy are members, and differ', () => {
    expect(pathsAndMessages(minimalWith('head: xa-a', 'head: xa-b\n    deputy: xa-b'))).toEqual([
      'years.2025.head: "xa-b" is not a member unit of 2025 (did you mean xa-a?)',
      'years.2025.deputy: "xa-b" is not a member unit of 2025 (did you mean xa-a?)',
      'years.2025.deputy: the deputy cannot also be the head',
    ]);
  });

  it('checks plan keys against the indicators and their kinds', () => {
    expect(pathsAndMessages(minimalWith('xa-dat-chuan: 8', 'xa-dat-chuann: 8, ho-ngheo: 3'))).toEqual([
      'years.2025.plans.xa-a.xa-dat-chuann: unknown indicator (did you mean xa-dat-chuan?)',
      'years.2025.plans.xa-a.ho-ngheo: percent indicators have no plan (plans are for amount, count and ratio)',
    ]);
    expect(pathsAndMessages(minimalWith('xa-dat-chuan: 8', 'xa-dat-chuan: 8.5'))).toEqual([
      'years.2025.plans.xa-a.xa-dat-chuan: ratio plans are whole numbers',
    ]);
  });

  it('reports repeated ids and codes', () => {
    expect(pathsAndMessages(minimalWith('{ id: phuong-b, name: Phường B', '{ id: xa-a, name: Phường B'))).toEqual([
      'years.2025.units.1.id: "xa-a" is already used by years.2025.units.0',
      'years.2025.plans.phuong-b: "phuong-b" is not a member unit of 2025',
    ]);
    expect(pathsAndMessages(minimalWith('code: ho-ngheo', 'code: thu-ngan-sach'))).toEqual([
      'indicators.1.code: "thu-ngan-sach" is already used by indicators.0',
    ]);
  });

  it('checks an indicator against its kind', () => {
    expect(pathsAndMessages(minimalWith('unit: billion_vnd', 'unit: people'))).toEqual([
      'indicators.0.unit: an amount is money: billion_vnd, million_vnd, thousand_vnd or vnd',
    ]);
    expect(pathsAndMessages(minimalWith('kind: amount', 'kind: amont'))[0]).toMatch(/^indicators\.0\.kind: expected one of: .*; got "amont" \(did you mean amount\?\)$/);
    expect(pathsAndMessages(minimalWith('scoring: { benchmark: 60 }', 'scoring: { benchmark: 60, target: 100 }'))).toEqual([
      "indicators.0.scoring.target: amount indicators are scored against each unit's plan (years.<year>.plans): remove target",
    ]);
    expect(pathsAndMessages(minimalWith('kind: percent\n', 'kind: percent\n    scoring: { benchmark: 5 }\n'))).toEqual([
      'indicators.1.scoring.target: required for a linear rule on percent indicators',
    ]);
  });

  it('checks scoring bands: best first, never more points lower down, within the benchmark', () => {
    const banded = (bands: string) => minimalWith('scoring: { benchmark: 40 }', `scoring: { benchmark: 40, method: bands, bands: ${bands} }`);
    expect(blocOf(banded('[{ from: 100, points: 40 }, { from: 50, points: 20 }]')).indicators[2]?.scoring?.bands).toEqual([
      { from: 100, points: 40 },
      { from: 50, points: 20 },
    ]);
    expect(pathsAndMessages(banded('[{ from: 50, points: 20 }, { from: 100, points: 40 }]'))).toEqual([
      'indicators.2.scoring.bands.1.from: bands go from the highest "from" down: 100 must be below 50',
    ]);
    expect(pathsAndMessages(banded('[{ from: 100, points: 20 }, { from: 50, points: 30 }]'))).toEqual([
      'indicators.2.scoring.bands.1.points: a lower band cannot earn more points than the band above it (20)',
    ]);
    expect(pathsAndMessages(banded('[{ from: 100, points: 45 }]'))).toEqual(['indicators.2.scoring.bands.0.points: more than the benchmark (40)']);
    expect(pathsAndMessages(minimalWith('scoring: { benchmark: 40 }', 'scoring: { benchmark: 40, method: bands }'))).toEqual([
      'indicators.2.scoring.bands: required with method: bands',
    ]);
  });

  it('checks the calendar order, time zone and reminder times', () => {
    expect(pathsAndMessages(minimalWith('due: { day: 16 }', 'due: { day: 8 }'))).toEqual(['calendar.due: the due day comes before the open day']);
    expect(pathsAndMessages(minimalWith('lock: { day: 9, month_offset: 1 }', 'lock: { day: 12 }'))).toEqual(['calendar.lock: the lock day comes before the due day']);
    expect(pathsAndMessages(minimalWith('lock: { day: 9, month_offset: 1 }', 'lock: { day: 9, month_offset: 3 }'))).toEqual(['calendar.lock.month_offset: must be at most 2']);
    expect(pathsAndMessages(minimalWith('calendar:\n', 'calendar:\n  timezone: Asia/Hanoi_City\n'))).toEqual(['calendar.timezone: unknown time zone (like Asia/Ho_Chi_Minh)']);
    const reminders = (body: string) => `${fixture('minimal.yaml')}reminders:\n${body}\n`;
    expect(pathsAndMessages(reminders('  send_at: "18:00"'))).toEqual(['reminders.send_at: must be within office hours (07:30–17:00)']);
    expect(pathsAndMessages(reminders('  send_at: 8h30'))).toEqual(['reminders.send_at: expected a time like 08:30']);
    expect(pathsAndMessages(reminders('  holidays: [2025-02-30]\n  weekdays: [1, 1]'))).toEqual([
      'reminders.holidays.0: expected a date like 2023-09-02',
      'reminders.weekdays.1: 1 is repeated',
    ]);
  });

  it('reports an empty file and a file that is not a map', () => {
    expect(pathsAndMessages('# only a comment\n')).toEqual([': the file is empty']);
    expect(pathsAndMessages('- a\n- b\n')).toEqual([': expected a map of "key: value" lines']);
  });
});

describe('broken YAML', () => {
  it('reports bad indentation with its line', () => {
    const errors = errorsOf(fixture('bad-indent.yaml'));
    expect(errors[0]).toMatchObject({ source: 'test.yaml', path: '', line: 8 });
    expect(formatBlocErrors(errors)[0]).toBe('test.yaml:8: All mapping items must start at the same column');
  });

  it('reports an unclosed quote at the line where the quote opens', () => {
    expect(errorsOf(fixture('unclosed-quote.yaml'))).toEqual([
      { source: 'test.yaml', path: '', line: 2, message: 'missing closing quote: the quoted text that starts on this line never ends' },
    ]);
  });

  it('reports tabs and a second document in words a clerk can act on', () => {
    expect(formatBlocErrors(errorsOf('id: a\nname:\n\t- b\n'))).toEqual(['test.yaml:3: indent with spaces, not tabs']);
    expect(formatBlocErrors(errorsOf('id: a\n---\nid: b\n'))).toEqual(['test.yaml:2: a bloc file holds one bloc: remove the second "---" or split the file']);
  });

  it('reports a repeated key with its line', () => {
    const errors = errorsOf(minimalWith('name: Khối thử nghiệm', 'name: Khối thử nghiệm\nname: Khối khác'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(4);
  });
});
