import { describe, expect, it } from 'vitest';
import { at, blocOf, errorsOf, fixture, minimalWith, problemsOf } from './helpers.ts';

describe('a bloc file with mistakes', () => {
  it('reports each of three planted mistakes once, with its path, line, key and params', () => {
    const errors = errorsOf(fixture('three-mistakes.yaml'));
    expect(errors).toEqual([
      {
        source: 'test.yaml',
        line: 12,
        path: 'years.2023.plans.bac-ha.thu-ngan-sach',
        key: 'blocFile.errors.expected.number',
        params: { got: '"nhiều lắm"' },
      },
      {
        source: 'test.yaml',
        line: 13,
        path: 'years.2023.plans.bao-yenn',
        key: 'blocFile.errors.notMemberSuggest',
        params: { id: 'bao-yenn', year: '2023', suggestion: 'bao-yen' },
      },
      {
        source: 'test.yaml',
        line: 25,
        path: 'calendar.due.day',
        key: 'blocFile.errors.atMost',
        params: { maximum: 31, got: '40' },
      },
    ]);
  });

  it('reports an unknown key with the key in its path, and suggests the right one', () => {
    expect(errorsOf(fixture('typo.yaml'))).toEqual([
      {
        source: 'test.yaml',
        path: 'calendar.grace_day',
        line: 15,
        key: 'blocFile.errors.unknownKeySuggest',
        params: { suggestion: 'grace_days' },
      },
    ]);
    expect(problemsOf(minimalWith('name: Khối thử nghiệm', 'name: Khối thử nghiệm\nten_khoi: x'))).toEqual([
      at('ten_khoi', 'unknownKey'),
    ]);
  });

  it('reports a missing required key', () => {
    expect(problemsOf(minimalWith('    aggregation: stock\n    scoring', '    scoring'))).toEqual([
      at('indicators[3] (xa-dat-chuan).aggregation', 'requiredOneOf', { values: 'cumulative, period, stock' }),
    ]);
    expect(problemsOf(minimalWith('    head: xa-a\n', ''))).toEqual([at('years.2025.head', 'required')]);
  });

  it('names the type expected and what was written instead', () => {
    expect(
      problemsOf(minimalWith('    scoring: { benchmark: 60 }', '    scoring: { benchmark: 60 }\n    required: "có"')),
    ).toEqual([at('indicators[1] (thu-ngan-sach).required', 'expected.boolean', { got: '"có"' })]);
    expect(problemsOf(minimalWith('lock: { day: 9, month_offset: 1 }', 'lock: { day: 9.5, month_offset: 1 }'))).toEqual(
      [at('calendar.lock.day', 'expected.int', { got: '9.5' })],
    );
    expect(problemsOf(minimalWith('name: Khối thử nghiệm', 'name:'))).toEqual([at('name', 'blank.text')]);
    expect(problemsOf(minimalWith('name: Khối thử nghiệm', 'name: "  "'))).toEqual([at('name', 'emptyText')]);
    expect(problemsOf(minimalWith(/movements:\n.*\n/, 'movements: []\n'))).toEqual([
      at('movements', 'tooFewItems', { minimum: 1 }),
    ]);
  });

  it('explains a number written the Vietnamese way', () => {
    const text = fixture('three-mistakes.yaml')
      .replace('"nhiều lắm"', '51,6')
      .replace('bao-yenn', 'bao-yen')
      .replace('day: 40', 'day: 16');
    expect(problemsOf(text)).toEqual([
      at('years.2023.plans.bac-ha.thu-ngan-sach', 'vietnameseNumber', { text: '51,6' }),
    ]);
    // Inside { } the comma separates entries: never a silent 1 instead of 1500.
    expect(problemsOf(minimalWith('thu-ngan-sach: 40 }', 'thu-ngan-sach: 1,500 }'))).toEqual([
      at('years.2025.plans.phuong-b.500', 'blank.number'),
      at('years.2025.plans.phuong-b.500', 'commaInBraces', { code: '500' }),
    ]);
  });

  it('refuses a thousands dot that YAML would read as a decimal (20.207 is not 20,207)', () => {
    const errors = errorsOf(minimalWith('thu-ngan-sach: 40 }', 'thu-ngan-sach: 20.207 }'));
    expect(errors).toEqual([
      {
        source: 'test.yaml',
        path: 'years.2025.plans.phuong-b.thu-ngan-sach',
        line: 12,
        key: 'blocFile.errors.thousandsDot',
        params: { text: '20.207', whole: '20207' },
      },
    ]);
  });

  it('checks that head and deputy are members, and differ', () => {
    expect(problemsOf(minimalWith('head: xa-a', 'head: xa-b\n    deputy: xa-b'))).toEqual([
      at('years.2025.head', 'notMemberSuggest', { id: 'xa-b', year: '2025', suggestion: 'xa-a' }),
      at('years.2025.deputy', 'notMemberSuggest', { id: 'xa-b', year: '2025', suggestion: 'xa-a' }),
      at('years.2025.deputy', 'headIsDeputy'),
    ]);
  });

  it('checks plan keys against the indicators and their kinds', () => {
    expect(problemsOf(minimalWith('xa-dat-chuan: 8', 'xa-dat-chuann: 8, ho-ngheo: 3'))).toEqual([
      at('years.2025.plans.xa-a.xa-dat-chuann', 'unknownIndicatorSuggest', {
        code: 'xa-dat-chuann',
        suggestion: 'xa-dat-chuan',
      }),
      at('years.2025.plans.xa-a.ho-ngheo', 'noPlanForKind', { kind: 'percent' }),
    ]);
    expect(problemsOf(minimalWith('xa-dat-chuan: 8', 'dan-so: 8'))).toEqual([
      at('years.2025.plans.xa-a.dan-so', 'unknownIndicator', { code: 'dan-so' }),
    ]);
    expect(problemsOf(minimalWith('xa-dat-chuan: 8', 'xa-dat-chuan: 8.5'))).toEqual([
      at('years.2025.plans.xa-a.xa-dat-chuan', 'wholePlan', { kind: 'ratio' }),
    ]);
  });

  it('reports repeated ids and codes', () => {
    expect(problemsOf(minimalWith('{ id: phuong-b, name: Phường B', '{ id: xa-a, name: Phường B'))).toEqual([
      at('years.2025.units[2] (xa-a).id', 'duplicateId', { id: 'xa-a', other: 'years.2025.units[1]' }),
      at('years.2025.plans.phuong-b', 'notMember', { id: 'phuong-b', year: '2025' }),
    ]);
    expect(problemsOf(minimalWith('code: ho-ngheo', 'code: thu-ngan-sach'))).toEqual([
      at('indicators[2] (thu-ngan-sach).code', 'duplicateId', { id: 'thu-ngan-sach', other: 'indicators[1]' }),
    ]);
  });

  it('checks an indicator against its kind', () => {
    expect(problemsOf(minimalWith('unit: billion_vnd', 'unit: people'))).toEqual([
      at('indicators[1] (thu-ngan-sach).unit', 'amountUnit'),
    ]);
    expect(problemsOf(minimalWith('unit: items', 'unit: vnd'))).toEqual([
      at('indicators[3] (xa-dat-chuan).unit', 'unitMismatch', { unit: 'vnd', kind: 'ratio' }),
    ]);
    const [kind] = problemsOf(minimalWith('kind: amount', 'kind: amont'));
    expect(kind).toMatchObject({
      path: 'indicators[1] (thu-ngan-sach).kind',
      kind: 'oneOfSuggest',
      params: { got: '"amont"', suggestion: 'amount' },
    });
    expect(String(kind?.params.values).split(', ')).toContain('percent_of_plan');
    expect(problemsOf(minimalWith('scoring: { benchmark: 60 }', 'scoring: { benchmark: 60, target: 100 }'))).toEqual([
      at('indicators[1] (thu-ngan-sach).scoring.target', 'targetWithPlan', { kind: 'amount' }),
    ]);
    expect(problemsOf(minimalWith('kind: percent\n', 'kind: percent\n    scoring: { benchmark: 5 }\n'))).toEqual([
      at('indicators[2] (ho-ngheo).scoring.target', 'targetRequired', { kind: 'percent' }),
    ]);
    expect(problemsOf(minimalWith('code: ho-ngheo', 'code: Ho_Ngheo'))).toEqual([
      at('indicators[2] (Ho_Ngheo).code', 'notKebab'),
    ]);
  });

  it('checks scoring bands: best first, never more points lower down, within the benchmark', () => {
    const banded = (bands: string) =>
      minimalWith('scoring: { benchmark: 40 }', `scoring: { benchmark: 40, method: bands, bands: ${bands} }`);
    expect(
      blocOf(banded('[{ from: 100, points: 40 }, { from: 50, points: 20 }]')).indicators[2]?.scoring?.bands,
    ).toEqual([
      { from: 100, points: 40 },
      { from: 50, points: 20 },
    ]);
    expect(problemsOf(banded('[{ from: 50, points: 20 }, { from: 100, points: 40 }]'))).toEqual([
      at('indicators[3] (xa-dat-chuan).scoring.bands[2].from', 'bandOrder', { from: 100, previous: 50 }),
    ]);
    expect(problemsOf(banded('[{ from: 100, points: 20 }, { from: 50, points: 30 }]'))).toEqual([
      at('indicators[3] (xa-dat-chuan).scoring.bands[2].points', 'bandPoints', { previous: 20 }),
    ]);
    expect(problemsOf(banded('[{ from: 100, points: 45 }]'))).toEqual([
      at('indicators[3] (xa-dat-chuan).scoring.bands[1].points', 'bandAboveBenchmark', { benchmark: 40 }),
    ]);
    expect(problemsOf(minimalWith('scoring: { benchmark: 40 }', 'scoring: { benchmark: 40, method: bands }'))).toEqual([
      at('indicators[3] (xa-dat-chuan).scoring.bands', 'bandsRequired'),
    ]);
  });

  it('checks the calendar order, time zone and reminder times', () => {
    expect(problemsOf(minimalWith('due: { day: 16 }', 'due: { day: 8 }'))).toEqual([
      at('calendar.due', 'dueBeforeOpen'),
    ]);
    expect(problemsOf(minimalWith('lock: { day: 9, month_offset: 1 }', 'lock: { day: 12 }'))).toEqual([
      at('calendar.lock', 'lockBeforeDue'),
    ]);
    expect(problemsOf(minimalWith('lock: { day: 9, month_offset: 1 }', 'lock: { day: 9, month_offset: 3 }'))).toEqual([
      at('calendar.lock.month_offset', 'atMost', { maximum: 2, got: '3' }),
    ]);
    expect(problemsOf(minimalWith('open: { day: 10 }', 'open: { day: 0 }'))).toEqual([
      at('calendar.open.day', 'atLeast', { minimum: 1, got: '0' }),
    ]);
    expect(problemsOf(minimalWith('calendar:\n', 'calendar:\n  timezone: Asia/Hanoi_City\n'))).toEqual([
      at('calendar.timezone', 'unknownTimezone'),
    ]);
    const reminders = (body: string) => `${fixture('minimal.yaml')}reminders:\n${body}\n`;
    expect(problemsOf(reminders('  send_at: "18:00"'))).toEqual([
      at('reminders.send_at', 'outsideOfficeHours', { start: '07:30', end: '17:00' }),
    ]);
    expect(problemsOf(reminders('  send_at: 8h30'))).toEqual([at('reminders.send_at', 'timeFormat')]);
    expect(problemsOf(reminders('  holidays: [2025-02-30]\n  weekdays: [1, 1]'))).toEqual([
      at('reminders.holidays[1]', 'dateFormat'),
      at('reminders.weekdays[2]', 'repeated', { value: 1 }),
    ]);
  });

  it('reports a bad year key with the key in its path', () => {
    expect(problemsOf(minimalWith('  2025:', '  25:'))).toEqual([at('years.25', 'yearDigits')]);
  });

  it('reports an empty file and a file that is not a map', () => {
    expect(problemsOf('# only a comment\n')).toEqual([at('', 'emptyFile')]);
    expect(problemsOf('- a\n- b\n')).toEqual([at('', 'expected.map', { got: '["a","b"]' })]);
  });
});

describe('broken YAML', () => {
  it('reports bad indentation with its line, in words of its own (no English from the YAML reader)', () => {
    expect(errorsOf(fixture('bad-indent.yaml'))).toEqual([
      { source: 'test.yaml', path: '', line: 8, key: 'blocFile.errors.yamlIndent', params: {} },
    ]);
  });

  it('describes the common slips by their code, one problem per line', () => {
    const cases: Array<[string, number, string, Record<string, string>]> = [
      ['id: x\nname Khối\nyears: {}\n', 2, 'yamlMissingColon', {}],
      ['id: x\nplans: { a: 1, b: 2\nname: y\n', 3, 'yamlIndent', {}],
      ['id: x\nname: "a \\q b"\n', 2, 'yamlBadEscape', {}],
      ['id: x\nname: @khoi\n', 2, 'yamlReservedStart', { char: '@' }],
      ['id: x\nname: %abc\n', 2, 'yamlReservedStart', { char: '%' }],
      ['id: x\nplans: { a:\n  - 1 }\n', 3, 'yamlBlockInFlow', {}],
      ['id: x\nname: a: b\n', 2, 'yamlColonInValue', {}],
      ['id: x\nplans: { a: 1,, b: 2 }\n', 2, 'yamlUnexpected', {}],
      ['id: x\nnote: * chú thích\n', 2, 'yamlAlias', {}],
    ];
    for (const [text, line, kind, params] of cases) {
      expect(errorsOf(text), text).toEqual([
        { source: 'test.yaml', path: '', line, key: `blocFile.errors.${kind}`, params },
      ]);
    }
  });

  it('reports an unclosed quote at the line where the quote opens', () => {
    expect(errorsOf(fixture('unclosed-quote.yaml'))).toEqual([
      { source: 'test.yaml', path: '', line: 2, key: 'blocFile.errors.yamlUnclosedQuote', params: {} },
    ]);
  });

  it('reports tabs and a second document with keys of their own', () => {
    expect(errorsOf('id: a\nname:\n\t- b\n')).toEqual([
      { source: 'test.yaml', path: '', line: 3, key: 'blocFile.errors.yamlTabIndent', params: {} },
    ]);
    expect(errorsOf('id: a\n---\nid: b\n')).toEqual([
      { source: 'test.yaml', path: '', line: 2, key: 'blocFile.errors.yamlMultipleDocs', params: {} },
    ]);
  });

  it('reports a repeated key with its line', () => {
    const errors = errorsOf(minimalWith('name: Khối thử nghiệm', 'name: Khối thử nghiệm\nname: Khối khác'));
    expect(errors).toEqual([
      { source: 'test.yaml', path: '', line: 4, key: 'blocFile.errors.yamlDuplicateKey', params: {} },
    ]);
  });
});
