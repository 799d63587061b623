import type { WorkbookInput } from '../app/ports.ts';
import type { StandingsReport } from '../app/use-cases/standings.ts';
import { blocYear, type Indicator } from '../domain/bloc.ts';
import { periodMonth, periodYear } from '../domain/calendar/index.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import type vi from '../../locales/vi.json';
import { displayInstant } from './sheet-layout.ts';

export type { WorkbookInput };

/** What every sheet builder needs besides the input: the language, the zone, names by id. */
export interface SheetContext {
  input: WorkbookInput;
  lang: Lang;
  timezone: string;
  /** Title lines of every sheet: bloc and period, then the provisional label with the time made. */
  titles: string[];
  indicator(code: string): Indicator | undefined;
  unitName(id: string): string;
}

/** "tháng 6/2023", or "năm 2023, lũy kế đến tháng 6" for a year to date. */
export function scopeLabel(standings: StandingsReport, lang: Lang): string {
  const { scope } = standings;
  const last = scope.periods.at(-1);
  if (!last) return t('standings.scope.yearNotBegun', { year: scope.year }, lang);
  const params = { month: periodMonth(last), year: periodYear(last) };
  return scope.kind === 'period'
    ? t('standings.scope.period', params, lang)
    : t('standings.scope.yearToDate', params, lang);
}

export function contextOf(input: WorkbookInput): SheetContext {
  const lang = input.lang ?? 'vi';
  const timezone = input.bloc.calendar.timezone;
  const names = new Map<string, string>();
  // Units of the year before too: an audit entry or nomination may name a unit that left since.
  for (const y of [...input.bloc.years].sort((a, b) => a.year - b.year))
    for (const u of y.units) names.set(u.id, u.name);
  for (const u of blocYear(input.bloc, input.standings.scope.year).year.units) names.set(u.id, u.name);
  const at = displayInstant(input.generatedAt, timezone);
  const titles = [
    t('workbook.title', { bloc: input.bloc.name, scope: scopeLabel(input.standings, lang) }, lang),
    t('workbook.generated', { provisional: t('standings.provisional', {}, lang), at }, lang),
  ];
  return {
    input,
    lang,
    timezone,
    titles,
    indicator: (code) => input.bloc.indicators.find((i) => i.code === code),
    unitName: (id) => names.get(id) ?? id,
  };
}

type Column = keyof (typeof vi)['workbook']['columns'];

/** A column header in the workbook's language. */
export function header(key: Column, c: SheetContext): string {
  return t(`workbook.columns.${key}`, {}, c.lang);
}

/** Several headers at once, in order. */
export function headers(c: SheetContext, ...keys: Column[]): string[] {
  return keys.map((k) => header(k, c));
}
