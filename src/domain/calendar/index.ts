// The period calendar (design.md, "The period calendar"): ids, parsing, instants, states.
export {
  addMonths,
  comparePeriods,
  isPeriodId,
  makePeriodId,
  periodMonth,
  periodOf,
  periodYear,
  type PeriodId,
} from './period-id.ts';
export { parsePeriod, PERIOD_YEARS, type ParsedPeriod, type PeriodParseErrorKey } from './parse-period.ts';
export { PERIOD_VOCABULARY } from './period-vocabulary.ts';
export {
  acceptsReports,
  calendarDate,
  isOnTime,
  periodInstants,
  periodState,
  reopeningUntil,
  stateAt,
  type PeriodEarlyLock,
  type PeriodExtension,
  type PeriodInstants,
  type PeriodOverrides,
  type PeriodReopening,
  type PeriodState,
} from './calendar.ts';
export {
  currentPeriod,
  openPeriodsFor,
  REOPEN_LOOKBACK_MONTHS,
  type OpenPeriod,
  type OverridesFor,
} from './open-periods.ts';
export { describePeriodRefusal, type PeriodRefusal, type PeriodRefusalKey } from './period-refusal.ts';
export {
  addDays,
  daysInMonth,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  type LocalDate,
} from './zoned-time.ts';
export { compareLocalDates, parseTypedDate, type TypedDate } from './typed-date.ts';
export {
  checkEarlyLock,
  checkExtension,
  checkReason,
  checkReopening,
  lockDayOf,
  REASON_MAX_LENGTH,
  REASON_MIN_WORDS,
  todayOf,
  type EarlyLockCheck,
  type ExtensionCheck,
  type ReasonCheck,
  type ReopeningCheck,
} from './calendar-changes.ts';
