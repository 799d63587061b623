import type { Bloc } from '../../domain/bloc.ts';
import type { Nomination } from '../../domain/nomination.ts';
import type { Submission } from '../../domain/submission.ts';
import type { Lang, Message } from '../messages.ts';
import type { PeriodProgress } from '../use-cases/progress.ts';
import type { StandingsReport } from '../use-cases/standings.ts';
import type { AuditEntry } from './reports.ts';

/** One bar of the standings chart: a unit's name and total; `highlight` marks the asker's own unit. */
export interface ChartBar {
  label: string;
  value: number;
  highlight?: boolean;
}

/**
 * A standings chart to draw: the title and the provisional label as messages (rendered in `lang` by
 * the adapter), the bars best first, as the table lists them.
 */
export interface StandingsChartRequest {
  title: Message;
  subtitle: Message;
  bars: ChartBar[];
  lang: Lang;
}

/**
 * What the Excel export holds (`/xuatexcel`, `thidua export`), as plain data read from the
 * repositories (`workbookInput` in use-cases): the renderer touches no storage.
 */
export interface WorkbookInput {
  bloc: Bloc;
  /** computeStandings for the period or year exported. */
  standings: StandingsReport;
  /** The stored reports of the scope's periods (`Submissions.listForPeriod` for each). */
  submissions: readonly Submission[];
  /** periodProgress of the scope's latest period; without it the progress sheet has only its title. */
  progress?: PeriodProgress;
  /** The year's nominations of the member units (`Nominations.listForUnit(bloc, unit, year)`). */
  nominations: readonly Nomination[];
  /** The audit entries of the scope's periods (`Submissions.auditTrail` per unit and period). */
  audit: readonly AuditEntry[];
  generatedAt: Date;
  lang?: Lang;
}

/**
 * Images and files the conversations and jobs hand back (design.md, "Layers": report rendering is a
 * port, so flows never import `src/reports/`). Both return the bytes to attach to a reply.
 */
export interface ReportRendering {
  /** A horizontal bar chart of the standings, as PNG bytes. */
  standingsChart(request: StandingsChartRequest): Promise<Uint8Array>;
  /** The .xlsx workbook of a period or a year to date. */
  workbook(input: WorkbookInput): Promise<Uint8Array>;
}
