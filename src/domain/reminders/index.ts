// The reminder policy (issue 8): which reminder is due for which unit, on which day and until when.
export { isoWeekday, isWorkingDay, lastWorkingDayOnOrBefore, listsHolidaysIn } from './days-off.ts';
export { isInWindow, sendWindow, type SendWindow } from './office-window.ts';
export {
  dueEscalations,
  dueReminderFor,
  WHOLE_BLOC,
  type BlocPeriod,
  type DueReminder,
  type ReminderBloc,
  type ReminderClaimKey,
  type ReminderKind,
  type UnitPeriod,
} from './reminder-policy.ts';
