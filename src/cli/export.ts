import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { StandingsRequest } from '../app/use-cases/standings.ts';
import { workbookFileName, workbookInput } from '../app/use-cases/workbook-input.ts';
import { parsePeriod } from '../domain/calendar/index.ts';
import { t } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/render.ts';
import { scopeMessage } from '../flows/standings/table.ts';
import { openProgram } from '../main.ts';
import { chooseBloc } from './choose-bloc.ts';
import { readConfiguration } from './context.ts';

/** `--period 2023-06`, `6/2023` or a year (`2023`: the year to date, design.md). */
function requestOf(text: string): StandingsRequest | undefined {
  const parsed = parsePeriod(text);
  if (parsed.type === 'period') return { kind: 'period', periodId: parsed.id };
  if (parsed.type === 'year') return { kind: 'year', year: parsed.year };
  return undefined;
}

/**
 * `thidua export --period 2023-06 [--bloc <id>] [--out file.xlsx]`: writes the workbook `/xuatexcel`
 * sends, read from the same repositories by the same use-case. Without `--out` the file takes the
 * name `/xuatexcel` gives it, in the working folder.
 */
export async function runExport(values: { period?: string; bloc?: string; out?: string }): Promise<number> {
  const { period, bloc: blocId, out } = values;
  const periodText = typeof period === 'string' ? period : '';
  const request = requestOf(periodText);
  if (!request) return fail(t('cli.exportPeriodInvalid', { value: periodText }));
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  const bloc = chooseBloc(read.blocs, typeof blocId === 'string' ? blocId : undefined);
  if (typeof bloc === 'string') return fail(bloc);
  const program = await openProgram({ ...read, logLevel: 'warn' });
  try {
    const { services } = program;
    const input = await workbookInput(services.repos, bloc, request, services.clock.now());
    const path = resolve(typeof out === 'string' && out ? out : workbookFileName(bloc, request));
    await writeFile(path, await services.rendering.workbook(input));
    const scope = renderMessage(scopeMessage(input.standings.scope), 'vi');
    console.log(t('cli.exportWritten', { path, bloc: bloc.name, scope }));
    return 0;
  } finally {
    await program.close(0);
  }
}

function fail(line: string): number {
  console.error(line);
  return 1;
}
