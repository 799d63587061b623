import type { Bloc } from '../../domain/bloc.ts';
import { scopeYear } from '../../domain/scoring/index.ts';
import type { Lang } from '../messages.ts';
import type { AuditEntry, Repositories, WorkbookInput } from '../ports.ts';
import { periodProgress } from './progress.ts';
import { computeStandings, type StandingsRequest } from './standings.ts';

/**
 * Everything the Excel export of a period or a year to date holds, read from the repositories:
 * the standings, the stored reports of the scope's months, the progress of its latest month, the
 * year's nominations of the member units and the audit trail of every report in scope. One reader
 * for `/xuatexcel` and `thidua export`, so both write the same file.
 */
export async function workbookInput(
  repos: Pick<Repositories, 'submissions' | 'calendar' | 'nominations'>,
  bloc: Bloc,
  request: StandingsRequest,
  now: Date,
  lang: Lang = 'vi',
): Promise<WorkbookInput> {
  const standings = await computeStandings(repos, bloc, request, now);
  const { scope } = standings;
  const submissions = (
    await Promise.all(scope.periods.map((periodId) => repos.submissions.listForPeriod(bloc.id, periodId)))
  ).flat();
  const audit: AuditEntry[] = [];
  // Only a unit with a stored report has an audit trail for that month.
  for (const s of submissions) audit.push(...(await repos.submissions.auditTrail(bloc.id, s.periodId, s.unitId)));
  const latest = scope.periods.at(-1);
  const progress = latest ? await periodProgress(repos, bloc, latest, now) : undefined;
  const { year } = scopeYear(bloc, scope);
  const nominations = (
    await Promise.all(year.units.map((u) => repos.nominations.listForUnit(bloc.id, u.id, scope.year)))
  ).flat();
  return {
    bloc,
    standings,
    submissions,
    ...(progress ? { progress } : {}),
    nominations,
    audit,
    generatedAt: now,
    lang,
  };
}

/** The file name of an export: `thidua-<bloc>-2023-06.xlsx`, or `thidua-<bloc>-2023.xlsx` for a year. */
export function workbookFileName(bloc: Bloc, request: StandingsRequest): string {
  const scope = request.kind === 'period' ? request.periodId : String(request.year);
  return `thidua-${bloc.id}-${scope}.xlsx`;
}
