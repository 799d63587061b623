import { beforeAll, describe, expect, it } from 'vitest';
import type { ReminderKey } from '../../../src/app/ports/delivery.ts';
import type { Bloc } from '../../../src/domain/bloc.ts';
import { periodInstants } from '../../../src/domain/calendar/index.ts';
import { dueEscalations, dueReminderFor, type DueReminder } from '../../../src/domain/reminders/index.ts';
import { at830, exampleBloc, vn, walk } from './walk.ts';

let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});

const unitOf = (b: Bloc, now: Date): DueReminder[] => {
  const due = dueReminderFor(
    b,
    { periodId: '2024-10', unitId: 'bac-ha', instants: periodInstants(b.calendar, '2024-10') },
    now,
  );
  return due ? [due] : [];
};

// October 2024: open Thu 10, due Wed 16, locks at the end of Sat 9 November; no holiday in it.
describe('the example bloc over October 2024 (due Wednesday 16, lock Saturday 9 November)', () => {
  it('reminds before the due day, then every working day while late, and nothing after the lock', () => {
    const fired = walk(vn('2024-10-01'), vn('2024-12-01'), (now) => unitOf(bloc, now));
    expect(fired).toEqual([
      // 3 days before is Sunday 13: sent on Friday 11, the last working day before it.
      ...at830('before_due', ['2024-10-11', '2024-10-15', '2024-10-16']),
      ...at830('late', ['2024-10-17', '2024-10-18', '2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24']),
      ...at830('late', ['2024-10-25', '2024-10-28', '2024-10-29', '2024-10-30', '2024-10-31', '2024-11-01']),
      ...at830('late', ['2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08']),
    ]);
  });

  it('with late_every_days 2, counts from the first late day and skips the late days that fall on a weekend', () => {
    const everyOther: Bloc = { ...bloc, reminders: { ...bloc.reminders, lateEveryDays: 2 } };
    const late = walk(vn('2024-10-17'), vn('2024-12-01'), (now) => unitOf(everyOther, now));
    // 19 Oct, 27 Oct and 2 Nov are late days too, but on a weekend: skipped, not moved to Monday.
    expect(late).toEqual(
      at830('late', ['2024-10-17', '2024-10-21', '2024-10-23', '2024-10-25', '2024-10-29', '2024-10-31']).concat(
        at830('late', ['2024-11-04', '2024-11-06', '2024-11-08']),
      ),
    );
  });

  it('escalates from the 3rd day after the on-time deadline (Sunday 20, so Monday 21), daily until the lock', () => {
    const fired = walk(vn('2024-10-01'), vn('2024-12-01'), (now) =>
      dueEscalations(bloc, { periodId: '2024-10', instants: periodInstants(bloc.calendar, '2024-10') }, now),
    );
    const days = ['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24', '2024-10-25', '2024-10-28'];
    days.push('2024-10-29', '2024-10-30', '2024-10-31', '2024-11-01', '2024-11-04', '2024-11-05');
    days.push('2024-11-06', '2024-11-07', '2024-11-08');
    expect(fired).toEqual(days.flatMap((day) => [`${day} 08:30 group_digest`, `${day} 08:30 secretariat_list`]));
    const [digest] = dueEscalations(
      bloc,
      { periodId: '2024-10', instants: periodInstants(bloc.calendar, '2024-10') },
      vn('2024-10-21', '09:00'),
    );
    expect(digest?.key).toEqual({
      blocId: 'khoi-huyen-lao-cai',
      periodId: '2024-10',
      unitId: '*',
      kind: 'group_digest',
      day: '2024-10-21',
    });
  });

  it('sends nothing stale after two days of downtime: the day it comes back, only that day is due', () => {
    const fired = walk(vn('2024-10-14'), vn('2024-10-22'), (now) => unitOf(bloc, now), {
      down: [vn('2024-10-16', '08:00'), vn('2024-10-18', '10:00')],
    });
    expect(fired).toEqual(['2024-10-15 08:30 before_due', '2024-10-18 10:00 late', '2024-10-21 08:30 late']);
  });
});

describe('one reminder as the job sees it', () => {
  it('is due from send_at until office hours end, and its row expires at the end of that office day', () => {
    const ask = (time: string) => unitOf(bloc, vn('2024-10-15', time))[0];
    expect(ask('08:29')).toBeUndefined();
    const due = ask('08:30');
    const key: ReminderKey | undefined = due?.key; // the claim key is the app's ReminderKey
    expect(key).toEqual({
      blocId: 'khoi-huyen-lao-cai',
      periodId: '2024-10',
      unitId: 'bac-ha',
      kind: 'before_due',
      day: '2024-10-15',
    });
    expect(due).toMatchObject({ dueDate: '2024-10-16', daysToDue: 1, expiresAt: vn('2024-10-15', '17:00') });
    expect(ask('16:59')?.key.day).toBe('2024-10-15');
    expect(ask('17:00')).toBeUndefined();
  });

  it('names the due date and how many days late it is', () => {
    const [late] = unitOf(bloc, vn('2024-10-18', '11:00'));
    expect(late).toMatchObject({ key: { kind: 'late', day: '2024-10-18' }, dueDate: '2024-10-16', daysToDue: -2 });
  });

  it('sends nothing before the period opens, nor on a late day that is a Saturday', () => {
    expect(unitOf(bloc, vn('2024-10-09', '09:00'))).toEqual([]);
    expect(unitOf(bloc, vn('2024-10-19', '09:00'))).toEqual([]);
  });
});
