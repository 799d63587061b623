import { storeSubmission } from '../app/use-cases/store-submission.ts';
import type { Bloc } from '../domain/bloc.ts';
import { makePeriodId } from '../domain/calendar/index.ts';
import { nomineeKey } from '../domain/nomination.ts';
import { t } from '../i18n/i18n.ts';
import { openProgram, type Program } from '../main.ts';
import { chooseBloc } from './choose-bloc.ts';
import { readConfiguration } from './context.ts';
import { DEMO_MONTHS, DEMO_YEAR, demoReports } from './demo/demo-reports.ts';
import { DEMO_NOMINATIONS } from './demo/demo-nominations.ts';

/**
 * `thidua demo [--bloc <id>] [--force]`: fills the embedded database with the example bloc's reports
 * for January–June 2023 (the seed's half year), then says what to type to see the standings. It
 * refuses a database that already holds registrations or reports, and any DATABASE_URL database:
 * example figures must never mix with a bloc's real ones by accident (`--force` to insist).
 */
export async function runDemo(options: { bloc?: string; force: boolean }): Promise<number> {
  const { force } = options;
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  if (read.config.databaseUrl && !force) return fail(t('cli.demoRefusedDatabaseUrl'));
  const bloc = chooseBloc(read.blocs, options.bloc);
  if (typeof bloc === 'string') return fail(bloc);
  const program = await openProgram({ ...read, logLevel: 'warn' });
  try {
    const counts = await program.recordCounts();
    if ((counts.registrations > 0 || counts.submissions > 0) && !force) return fail(t('cli.demoRefusedData', counts));
    const stored = await fill(program, bloc);
    console.log(t('cli.demoDone', { bloc: bloc.name, ...stored }));
    console.log(t('cli.demoNext'));
    return 0;
  } finally {
    await program.close(0);
  }
}

/** Stores the reports (and Bảo Yên's correction, with its reason) as the report flow would, audit included. */
async function fill(program: Program, bloc: Bloc) {
  const { repos } = program;
  const reports = demoReports(bloc);
  for (const report of reports) {
    const actor = { channel: 'demo', userId: `daumoi-${report.submission.unitId}` };
    await storeSubmission(repos, report.submission, { actor, at: report.at });
    const c = report.correction;
    if (c) await storeSubmission(repos, c.submission, { actor, at: c.at, reason: c.reason });
  }
  for (const nomination of DEMO_NOMINATIONS) {
    const member = bloc.years.some((y) => y.units.some((u) => u.id === nomination.unitId));
    const movement = bloc.movements.some((m) => m.id === nomination.movementId);
    // Run again with --force, the demo does not nominate the same collective twice.
    const already = await repos.nominations.findByNomineeKey(bloc.id, nomineeKey(nomination));
    if (member && movement && already.length === 0) await repos.nominations.create({ ...nomination, blocId: bloc.id });
  }
  const june = reports.filter((r) => r.submission.periodId === makePeriodId(DEMO_YEAR, DEMO_MONTHS));
  const units = new Set(reports.map((r) => r.submission.unitId)).size;
  return {
    reports: reports.length,
    units,
    late: june.filter((r) => r.submission.onTime === false).length,
    missing: units - june.length,
  };
}

function fail(line: string): number {
  console.error(line);
  return 1;
}
