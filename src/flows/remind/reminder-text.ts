import { msg, type ChannelName, type Message, type Reply } from '../../app/messages.ts';
import type { PeriodId } from '../../domain/calendar/index.ts';
import { COMMAND_BUTTON_PREFIX } from '../engine/pending.ts';
import { displayDate, displayDeadline, periodLabel } from '../shared/format.ts';

/**
 * Why a unit is reminded: before its due day (or on it), while late, during a reopening by the
 * secretariat, or because the secretariat asked now (`/nhacnho`).
 */
export type ReminderOccasion = 'before_due' | 'late' | 'reopened' | 'manual';

/** What a reminder to one unit's focal points says. */
export interface UnitReminder {
  unitName: string;
  periodId: PeriodId;
  occasion: ReminderOccasion;
  /** The deadline spoken of, `YYYY-MM-DD`: the due day (extension included) or the reopening's last day. */
  dueDate: string;
  /** Calendar days from today to `dueDate`: negative once late. */
  daysToDue: number;
  lockAt: Date;
  timezone: string;
  /** A draft is open in a session of the unit, or the report was returned: said, so they resume it. */
  draft: 'session' | 'returned' | 'none';
}

function text(r: UnitReminder, more: Message[]): Message {
  const unit = r.unitName;
  const period = periodLabel(r.periodId);
  const due = displayDate(r.dueDate);
  const lock = displayDeadline(r.lockAt, r.timezone);
  switch (r.occasion) {
    case 'before_due':
      return r.daysToDue > 0
        ? msg('reminders.unit.dueIn', { unit, period, due, days: r.daysToDue, more })
        : msg('reminders.unit.dueToday', { unit, period, due, more });
    case 'late':
      return msg('reminders.unit.late', { unit, period, due, days: -r.daysToDue, lock, more });
    case 'reopened':
      return msg('reminders.unit.reopened', { unit, period, due, more });
    case 'manual':
      return r.daysToDue < 0
        ? msg('reminders.unit.manualLate', { unit, period, due, lock, more })
        : msg('reminders.unit.manual', { unit, period, due, more });
  }
}

/**
 * The reminder as one focal point receives it on `channel`. Telegram gets a button carrying the
 * command itself (`cmd:baocao:2023-06`), honoured whatever conversation is open; the console and
 * Zalo show choices as a numbered list, where a "1" would be taken as an answer to the open
 * question, so there the reminder says to type `/baocao` instead.
 */
export function unitReminderReply(r: UnitReminder, channel: ChannelName): Reply {
  const buttons = channel === 'telegram';
  const more: Message[] = [];
  if (r.draft === 'session') more.push(msg('reminders.more.draft'));
  else {
    if (r.draft === 'returned') more.push(msg('reminders.more.returned'));
    more.push(msg(buttons ? 'reminders.more.tap' : 'reminders.more.type'));
  }
  const message = text(r, more);
  if (!buttons) return message;
  const id = `${COMMAND_BUTTON_PREFIX}baocao:${r.periodId}`;
  return { ...message, choices: [[{ id, label: msg('reminders.button') }]] };
}
