import { msg, type Message } from '../../app/messages.ts';
import { localDateOf, periodMonth, periodYear } from '../../domain/calendar/index.ts';

/**
 * Dates and periods as Vietnamese officials write them: 16/06/2023, 08:30 16/06/2023, "tháng 6/2023".
 * Numbers in dates are not words, so they are formatted here; the words around them are locale keys.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → '16/06/2023'. */
export function displayDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

/** An instant in the bloc's zone → '16/06/2023'. */
export function displayDay(instant: Date, timezone: string): string {
  const d = localDateOf(instant, timezone);
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** An instant in the bloc's zone → '08:30 16/06/2023'. */
export function displayDateTime(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${parts} ${displayDay(instant, timezone)}`;
}

/** The last moment of a deadline that ends at `endExclusive` (a midnight), shown as that day. */
export function displayDeadline(endExclusive: Date, timezone: string): string {
  return displayDay(new Date(endExclusive.getTime() - 1), timezone);
}

/** '2023-06' → the message "tháng 6/2023" (`common.period`). */
export function periodLabel(periodId: string): Message {
  return msg('common.period', { month: periodMonth(periodId), year: periodYear(periodId) });
}
