import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../../src/domain/bloc.ts';
import { periodInstants, reopeningUntil, type PeriodOverrides } from '../../../src/domain/calendar/index.ts';
import { dueEscalations, dueReminderFor, type DueReminder } from '../../../src/domain/reminders/index.ts';
import { at830, exampleBloc, vn, walk } from './walk.ts';

let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});

/** The unit's reminders for `periodId`, its overrides as the secretariat has set them by `now`. */
function unitReminders(b: Bloc, periodId: string, overridesAt: (now: Date) => PeriodOverrides = () => ({})) {
  return (now: Date): DueReminder[] => {
    const overrides = overridesAt(now);
    const instants = periodInstants(b.calendar, periodId, overrides);
    const due = dueReminderFor(b, { periodId, unitId: 'si-ma-cai', instants, reopening: overrides.reopening }, now);
    return due ? [due] : [];
  };
}

describe('holidays of the example bloc', () => {
  it('Hùng Kings day 2027 on the due day (Friday 16 April): moved to Thursday 15, which already has one', () => {
    const fired = walk(vn('2027-04-01'), vn('2027-06-01'), unitReminders(bloc, '2027-04'));
    expect(fired).toEqual([
      ...at830('before_due', ['2027-04-13', '2027-04-15']),
      // 30 April and 3 May (for 1 May, a Saturday) are holidays; the lock is at the end of Sunday 9 May.
      ...at830('late', ['2027-04-19', '2027-04-20', '2027-04-21', '2027-04-22', '2027-04-23', '2027-04-26']),
      ...at830('late', ['2027-04-27', '2027-04-28', '2027-04-29', '2027-05-04', '2027-05-05', '2027-05-06']),
      ...at830('late', ['2027-05-07']),
    ]);
    expect(unitReminders(bloc, '2027-04')(vn('2027-04-15', '09:00'))[0]).toMatchObject({ daysToDue: 1 });
  });

  it('Tết 2026 (16–20 February off, due Monday 16): the three before-due days are one message on Friday 13', () => {
    const fired = walk(vn('2026-02-01'), vn('2026-04-01'), unitReminders(bloc, '2026-02'));
    expect(fired).toEqual([
      ...at830('before_due', ['2026-02-13']),
      ...at830('late', ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27']),
      ...at830('late', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09']),
    ]);
  });

  it('Tết 2026: escalation day 20 February is a holiday, so the first digest goes on Monday 23', () => {
    const instants = periodInstants(bloc.calendar, '2026-02');
    const fired = walk(vn('2026-02-17'), vn('2026-02-25'), (now) =>
      dueEscalations(bloc, { periodId: '2026-02', instants }, now),
    );
    expect(fired).toEqual([
      '2026-02-23 08:30 group_digest',
      '2026-02-23 08:30 secretariat_list',
      '2026-02-24 08:30 group_digest',
      '2026-02-24 08:30 secretariat_list',
    ]);
  });

  it('Tết 2024 (8–14 February off): 3 days before would move before the open day (10th), so it is not sent', () => {
    const fired = walk(vn('2024-02-01'), vn('2024-02-17'), unitReminders(bloc, '2024-02'));
    expect(fired).toEqual(at830('before_due', ['2024-02-15', '2024-02-16']));
  });
});

describe('a due day past the end of the month', () => {
  it('clamps to 30 September (a Monday) and counts the before-due days from there', () => {
    const endOfMonth: Bloc = { ...bloc, calendar: { ...bloc.calendar, due: { day: 31, monthOffset: 0 } } };
    const fired = walk(vn('2024-09-01'), vn('2024-11-01'), unitReminders(endOfMonth, '2024-09'));
    expect(fired).toEqual([
      // 29 September is a Sunday: moved to Friday 27, the same day as 3 days before.
      ...at830('before_due', ['2024-09-27', '2024-09-30']),
      ...at830('late', ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07', '2024-10-08']),
      ...at830('late', ['2024-10-09']),
    ]);
    const instants = periodInstants(endOfMonth.calendar, '2024-09');
    expect(dueEscalations(endOfMonth, { periodId: '2024-09', instants }, vn('2024-10-03', '09:00'))).toEqual([]);
    expect(dueEscalations(endOfMonth, { periodId: '2024-09', instants }, vn('2024-10-04', '09:00'))).toHaveLength(2);
  });
});

describe("the secretariat's changes", () => {
  it('a unit reopened after the lock is reminded against the end of its reopening, then no more', () => {
    const reopenedAt = vn('2024-11-12', '10:00');
    // The default reopening (3 days) made on Tuesday 12 November ends with Friday 15.
    const until = reopeningUntil(bloc.calendar, reopenedAt);
    expect(until).toEqual(vn('2024-11-16'));
    const fired = walk(
      vn('2024-11-01'),
      vn('2024-12-01'),
      unitReminders(bloc, '2024-10', (now) => (now >= reopenedAt ? { reopening: { until } } : {})),
    );
    expect(fired).toEqual([
      ...at830('late', ['2024-11-01', '2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08']),
      '2024-11-12 10:00 before_due',
      ...at830('before_due', ['2024-11-14', '2024-11-15']),
    ]);
    const reopened = unitReminders(bloc, '2024-10', () => ({ reopening: { until } }));
    expect(reopened(vn('2024-11-14', '09:00'))[0]).toMatchObject({ dueDate: '2024-11-15', daysToDue: 1 });
  });

  it('a unit reopened while late is reminded against the reopening instead of as late, then late again', () => {
    const reopenedAt = vn('2024-10-28', '09:00');
    const until = reopeningUntil(bloc.calendar, reopenedAt); // the end of Thursday 31 October
    const fired = walk(
      vn('2024-10-25'),
      vn('2024-11-06'),
      unitReminders(bloc, '2024-10', (now) => (now >= reopenedAt ? { reopening: { until } } : {})),
    );
    expect(fired).toEqual([
      // The morning's late reminder of the 28th went out before the reopening.
      ...at830('late', ['2024-10-25', '2024-10-28']),
      '2024-10-28 09:00 before_due',
      ...at830('before_due', ['2024-10-30', '2024-10-31']),
      ...at830('late', ['2024-11-01', '2024-11-04', '2024-11-05']),
    ]);
  });

  it('an extension to Wednesday 23 October, given on the 15th, moves the due day for everyone', () => {
    const extendedAt = vn('2024-10-15', '12:00');
    const extended = (now: Date): PeriodOverrides =>
      now >= extendedAt ? { extension: { dueDate: '2024-10-23' } } : {};
    const fired = walk(vn('2024-10-01'), vn('2024-12-01'), unitReminders(bloc, '2024-10', extended));
    expect(fired).toEqual([
      // Sent before the extension: 11 and 15 October. Then 3 days before the 23rd is Sunday 20: Friday 18.
      ...at830('before_due', ['2024-10-11', '2024-10-15', '2024-10-18', '2024-10-22', '2024-10-23']),
      ...at830('late', ['2024-10-24', '2024-10-25', '2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31']),
      ...at830('late', ['2024-11-01', '2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08']),
    ]);
    const instants = periodInstants(bloc.calendar, '2024-10', { extension: { dueDate: '2024-10-23' } });
    const escalations = walk(vn('2024-10-24'), vn('2024-10-29'), (now) =>
      dueEscalations(bloc, { periodId: '2024-10', instants }, now),
    );
    // Three days after the new deadline is Sunday 27: the first digest goes on Monday 28.
    expect(escalations).toEqual(['2024-10-28 08:30 group_digest', '2024-10-28 08:30 secretariat_list']);
  });
  it('an early lock (/khoaky) on Monday 14 October, before the due day, stops every reminder from then', () => {
    const lockedAt = vn('2024-10-14', '08:00');
    const locked = (now: Date): PeriodOverrides => (now >= lockedAt ? { earlyLock: { at: lockedAt } } : {});
    const fired = walk(vn('2024-10-01'), vn('2024-12-01'), unitReminders(bloc, '2024-10', locked));
    // 3 days before the due day (Wednesday 16) is Sunday 13: Friday 11 went out; 15 and 16 do not.
    expect(fired).toEqual(at830('before_due', ['2024-10-11']));
    const instants = periodInstants(bloc.calendar, '2024-10', { earlyLock: { at: lockedAt } });
    expect(dueEscalations(bloc, { periodId: '2024-10', instants }, vn('2024-10-21', '09:00'))).toEqual([]);
  });
});
