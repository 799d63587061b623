import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBlocs, summarizeBloc } from '../../src/config/bloc-loader.ts';
import { at, blocOf, fixture, fixturePath, minimalWith, problemsOf } from './helpers.ts';

describe('loadBlocs', () => {
  const temporary: string[] = [];
  afterEach(async () => {
    await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('loads every .yaml and .yml file of a folder, in name order, and ignores other files', async () => {
    const { blocs, errors } = await loadBlocs(fixturePath('two-blocs'));
    expect(errors).toEqual([]);
    expect(blocs.map((b) => b.id)).toEqual(['khoi-hai', 'khoi-mot']);
  });

  it('passes over a YAML file of the folder that is no bloc file (compose.yaml), and names it', async () => {
    const folder = fixturePath('with-compose');
    const { blocs, errors, skipped } = await loadBlocs(folder);
    expect(errors).toEqual([]);
    expect(blocs.map((b) => b.id)).toEqual(['khoi-thu-nghiem']);
    expect(skipped).toEqual([join(folder, 'compose.yaml')]);
    // The deploy folder itself, as `thidua check-config deploy` reads it.
    const deploy = await loadBlocs('deploy');
    expect(deploy.errors).toEqual([]);
    expect(deploy.skipped).toEqual([join('deploy', 'compose.yaml')]);
  });

  it('checks a file named on its own whatever it holds, and a folder of only other YAML has no bloc', async () => {
    const compose = join(fixturePath('with-compose'), 'compose.yaml');
    const alone = await loadBlocs(compose);
    expect(alone.skipped).toEqual([]);
    expect(alone.errors.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'thidua-blocs-'));
    temporary.push(dir);
    await writeFile(join(dir, 'compose.yaml'), 'services: {}\n');
    const { errors, skipped } = await loadBlocs(dir);
    expect(skipped).toEqual([join(dir, 'compose.yaml')]);
    expect(errors).toEqual([{ source: dir, path: '', key: 'blocFile.errors.noBlocFiles', params: {} }]);
  });

  it('refuses a second file with the same bloc id, keeping the first', async () => {
    const { blocs, errors } = await loadBlocs(fixturePath('same-id'));
    expect(blocs.map((b) => b.id)).toEqual(['khoi-thu-nghiem']);
    expect(errors).toEqual([
      {
        source: join(fixturePath('same-id'), 'b.yaml'),
        path: 'id',
        key: 'blocFile.errors.duplicateBlocId',
        params: { id: 'khoi-thu-nghiem', other: join(fixturePath('same-id'), 'a.yaml') },
      },
    ]);
  });

  it('refuses an empty folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-blocs-'));
    temporary.push(dir);
    const { blocs, errors } = await loadBlocs(dir);
    expect(blocs).toEqual([]);
    expect(errors).toEqual([{ source: dir, path: '', key: 'blocFile.errors.noBlocFiles', params: {} }]);
  });

  it('reports a path that does not exist, and a file that is not YAML', async () => {
    expect((await loadBlocs(fixturePath('nothing-here.yaml'))).errors).toEqual([
      { source: fixturePath('nothing-here.yaml'), path: '', key: 'blocFile.errors.notFound', params: {} },
    ]);
    expect((await loadBlocs(fixturePath('two-blocs/notes.txt'))).errors).toEqual([
      { source: fixturePath('two-blocs/notes.txt'), path: '', key: 'blocFile.errors.notYamlFile', params: {} },
    ]);
  });

  it('reports the errors of a broken file with the file name', async () => {
    const { blocs, errors } = await loadBlocs(fixturePath('typo.yaml'));
    expect(blocs).toEqual([]);
    expect(errors).toEqual([
      {
        source: fixturePath('typo.yaml'),
        path: 'calendar.grace_day',
        line: 15,
        key: 'blocFile.errors.unknownKeySuggest',
        params: { suggestion: 'grace_days' },
      },
    ]);
  });
});

describe('defaults', () => {
  const bloc = blocOf(fixture('minimal.yaml'));

  it('fills the calendar, reminders, scoring policy and options', () => {
    expect(bloc.calendar).toEqual({
      timezone: 'Asia/Ho_Chi_Minh',
      open: { day: 10, monthOffset: 0 },
      due: { day: 16, monthOffset: 0 },
      graceDays: 0,
      lock: { day: 9, monthOffset: 1 },
      reopenDays: 3,
    });
    expect(bloc.reminders).toEqual({
      beforeDueDays: [3, 1, 0],
      lateEveryDays: 1,
      escalateAfterLateDays: 3,
      sendAt: '08:30',
      officeHours: { start: '07:30', end: '17:00' },
      weekdays: [1, 2, 3, 4, 5],
      holidays: [],
    });
    expect(bloc.scoring).toEqual({
      latePenalty: 1,
      missingPenalty: 2,
      tieBreak: ['total', 'on_time', 'submitted_at', 'name'],
    });
    expect(bloc.options).toEqual({ autoPostStandings: true, postProgressOnDue: true, focalSeesFullTable: false });
  });

  it('fills an indicator by its kind', () => {
    const [amount, percent, ratio] = bloc.indicators;
    expect(amount).toMatchObject({
      number: 1,
      name: { vi: 'Thu ngân sách', en: 'Thu ngân sách' },
      decimals: 1,
      required: true,
      ratioAtMostOne: false,
      range: { min: 0, max: 1e6 },
    });
    expect(amount?.scoring).toEqual({ benchmark: 60, method: 'linear', capPercent: 100, bands: [] });
    expect(percent).toMatchObject({
      number: 2,
      unit: 'percent',
      decimals: 1,
      range: { min: 0, max: 100 },
      name: { en: 'Poor households' },
    });
    expect(percent?.scoring).toBeUndefined();
    expect(ratio).toMatchObject({ decimals: 0, range: { min: 0, max: 100 }, ratioAtMostOne: true });
    expect(ratio?.scoring?.target).toBe(1);
  });

  it('keeps a year without a deputy, and its plans', () => {
    expect(bloc.years).toEqual([
      {
        year: 2025,
        units: [
          { id: 'xa-a', name: 'Xã A', type: 'commune' },
          { id: 'phuong-b', name: 'Phường B', type: 'ward' },
        ],
        head: 'xa-a',
        plans: { 'xa-a': { 'thu-ngan-sach': 12.5, 'xa-dat-chuan': 8 }, 'phuong-b': { 'thu-ngan-sach': 40 } },
      },
    ]);
  });

  it('sorts years and normalises times written without a leading zero', () => {
    const text = minimalWith(
      'years:\n',
      'years:\n  2026:\n    units: [{ id: xa-c, name: Xã C, type: commune }]\n    head: xa-c\n',
    );
    expect(blocOf(text).years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(blocOf(`${fixture('minimal.yaml')}reminders: { send_at: "8:05" }\n`).reminders.sendAt).toBe('08:05');
  });

  it('are listed by the summary where a scored amount or count has no plan for a member', () => {
    const text = minimalWith('      phuong-b: { thu-ngan-sach: 40 }\n', '');
    const summary = summarizeBloc(blocOf(text), new Date('2025-06-01T00:00:00Z'));
    expect(summary.lines).toContainEqual({ key: 'blocFile.summary.inUse', params: { year: 2025, used: 2025 } });
    expect(summary.lines.at(-1)).toEqual({
      key: 'blocFile.summary.missingPlan',
      params: { year: 2025, unit: 'phuong-b', codes: 'thu-ngan-sach' },
    });
  });

  it('reads the automatic-post options, and says them in the summary', () => {
    const text = `${fixture('minimal.yaml')}options: { auto_post_standings: false, post_progress_on_due: false }\n`;
    const bloc = blocOf(text);
    expect(bloc.options).toEqual({ autoPostStandings: false, postProgressOnDue: false, focalSeesFullTable: false });
    const options = summarizeBloc(bloc, new Date('2025-06-01T00:00:00Z')).lines.find(
      (l) => l.key === 'blocFile.summary.options',
    );
    expect(options?.params).toMatchObject({
      standings: { key: 'blocFile.summary.option.standingsOnRequest' },
      progress: { key: 'blocFile.summary.option.progressOff' },
    });
  });

  it('are never a way around strict keys: a misspelt optional key is an error, not a default', () => {
    expect(problemsOf(`${fixture('minimal.yaml')}options: { auto_post_standing: false }\n`)).toEqual([
      at('options.auto_post_standing', 'unknownKeySuggest', { suggestion: 'auto_post_standings' }),
    ]);
  });
});
