import { describe, expect, it } from 'vitest';
import { summarizeBloc, type BlocFileError } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import { t } from '../../src/i18n/i18n.ts';
import {
  EXAMPLE_BLOC_FILE,
  formatBlocErrors,
  formatBlocSummary,
  formatBlocWarnings,
  readBlocSource,
} from '../../src/cli/bloc-source.ts';

const notANumber: BlocFileError = {
  source: 'bloc.yaml',
  line: 12,
  path: 'years.2023.plans.bac-ha.thu-ngan-sach',
  key: 'blocFile.errors.expected.number',
  params: { got: '"abc"' },
};

async function exampleBloc(): Promise<Bloc> {
  const source = await readBlocSource(EXAMPLE_BLOC_FILE);
  if (!source.ok || !source.blocs[0]) throw new Error(`the example bloc does not load: ${JSON.stringify(source)}`);
  return source.blocs[0];
}

/** A rendered line that fell back to its key, or kept a placeholder, lost its text. */
const unrendered = (line: string) => /blocFile\.|\{\w+\}/.test(line);

describe('bloc file errors and summary as the operator reads them', () => {
  it('renders an error in Vietnamese by default, in English on request, after its file, line and path', () => {
    const vi = t('blocFile.errors.expected.number', { got: '"abc"' }, 'vi');
    const en = t('blocFile.errors.expected.number', { got: '"abc"' }, 'en');
    expect(vi).not.toBe(en);
    expect(vi).toContain('"abc"');
    expect(formatBlocErrors([notANumber])).toEqual([`bloc.yaml:12: years.2023.plans.bac-ha.thu-ngan-sach: ${vi}`]);
    expect(formatBlocErrors([notANumber], 'en')).toEqual([
      `bloc.yaml:12: years.2023.plans.bac-ha.thu-ngan-sach: ${en}`,
    ]);
    // A problem with the file itself has neither line nor path.
    expect(formatBlocErrors([{ source: 'x.yaml', path: '', key: 'blocFile.errors.emptyFile', params: {} }])).toEqual([
      `x.yaml: ${t('blocFile.errors.emptyFile')}`,
    ]);
  });

  it('turns a broken file into rendered lines for the commands that load blocs', async () => {
    const source = await readBlocSource('test/config/fixtures/typo.yaml');
    expect(source).toEqual({
      ok: false,
      lines: [
        `test/config/fixtures/typo.yaml:15: calendar.grace_day: ${t('blocFile.errors.unknownKeySuggest', { suggestion: 'grace_days' })}`,
      ],
    });
  });

  it('renders every summary line of the example in both languages, the heading first and the rest indented', async () => {
    const summary = summarizeBloc(await exampleBloc(), new Date('2026-03-01T00:00:00+07:00'));
    for (const lang of ['vi', 'en'] as const) {
      const lines = formatBlocSummary(summary, lang);
      expect(lines[0]).toBe('khoi-huyen-lao-cai: Khối thi đua các huyện, thị xã, thành phố tỉnh Lào Cai');
      expect(
        lines.slice(1).every((line) => line.startsWith('  ')),
        lang,
      ).toBe(true);
      expect(lines.filter(unrendered), lang).toEqual([]);
      expect(lines, lang).toContain(`  ${t('blocFile.summary.movements', { count: 12 }, lang)}`);
    }
  });

  it('has a text for each variant of the summary (no deputy, grace days, other weekdays, options, missing plans)', async () => {
    const bloc = await exampleBloc();
    const [year] = bloc.years;
    if (!year) throw new Error('no year');
    const { deputy: _deputy, ...noDeputy } = year;
    const variant: Bloc = {
      ...bloc,
      years: [{ ...noDeputy, plans: {} }],
      calendar: { ...bloc.calendar, graceDays: 2, lock: { day: 9, monthOffset: 2 } },
      reminders: { ...bloc.reminders, weekdays: [1, 3, 6] },
      options: { autoPostStandings: false, postProgressOnDue: false, focalSeesFullTable: true },
    };
    const summary = summarizeBloc(variant, new Date('2023-06-01T00:00:00+07:00'));
    const keys = summary.lines.map((line) => line.key);
    for (const key of ['yearNoDeputy', 'inUse', 'calendarGrace', 'missingPlan'])
      expect(keys).toContain(`blocFile.summary.${key}`);
    for (const lang of ['vi', 'en'] as const)
      expect(formatBlocSummary(summary, lang).filter(unrendered), lang).toEqual([]);
  });

  it('renders the start-up warnings after the bloc id, none for a year with holidays listed', async () => {
    const bloc = await exampleBloc();
    expect(formatBlocWarnings([bloc], new Date('2025-05-01T00:00:00+07:00'))).toEqual([]);
    const lines = formatBlocWarnings([bloc], new Date('2030-05-01T00:00:00+07:00'), 'en');
    expect(lines).toEqual([`khoi-huyen-lao-cai: ${t('blocFile.summary.noHolidays', { year: 2030 }, 'en')}`]);
    expect(lines.some(unrendered)).toBe(false);
  });
});
