import { describe, expect, it } from 'vitest';
import {
  checkEarlyLock,
  checkExtension,
  checkReason,
  checkReopening,
  parseTypedDate,
} from '../../../src/domain/calendar/index.ts';
import { EXAMPLE, vn, WITH_GRACE } from './fixtures.ts';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('parseTypedDate', () => {
  it.each([
    ['20/7/2023', day(2023, 7, 20)],
    ['20/07/2023', day(2023, 7, 20)],
    ['2023-07-20', day(2023, 7, 20)],
    ['5.7.2023', day(2023, 7, 5)],
    ['29/2/2024', day(2024, 2, 29)],
  ])('reads %s, day first', (text, date) => {
    expect(parseTypedDate(text)).toEqual({ type: 'date', date });
  });

  it.each(['31/6/2023', '29/2/2023', '20/13/2023', '20/7/23', '20/7', '0/7/2023'])('%s is not a date', (text) => {
    expect(parseTypedDate(text)).toEqual({ type: 'invalid' });
  });

  it.each(['bổ', 'đổi', '2', 'T6'])('%s is no date at all (the reason starts there)', (text) => {
    expect(parseTypedDate(text)).toEqual({ type: 'none' });
  });
});

describe('checkReason', () => {
  it('wants at least 3 words with letters or digits, at most 500 characters', () => {
    expect(checkReason('  bổ sung   số liệu ')).toEqual({ ok: true, reason: 'bổ sung số liệu' });
    expect(checkReason('bổ sung - -')).toEqual({ ok: false, problem: 'tooShort', words: 2 });
    expect(checkReason(' ')).toEqual({ ok: false, problem: 'missing' });
    expect(checkReason(`a b ${'c'.repeat(497)}`)).toEqual({ ok: false, problem: 'tooLong', length: 501 });
    expect(checkReason(`a b ${'c'.repeat(496)}`).ok).toBe(true);
  });
});

describe('checkReopening', () => {
  it('takes a late or locked period, until the end of the day given or for reopen_days', () => {
    const locked = checkReopening(EXAMPLE, '2023-06', vn('2023-07-12', '10:00'), undefined);
    expect(locked).toMatchObject({ ok: true, state: 'locked', until: vn('2023-07-16') });
    const late = checkReopening(EXAMPLE, '2023-06', vn('2023-06-20', '10:00'), undefined, day(2023, 6, 20));
    expect(late).toMatchObject({ ok: true, state: 'late', until: vn('2023-06-21') });
  });

  it('refuses a period open, due or not open yet, and an end day in the past', () => {
    expect(checkReopening(EXAMPLE, '2023-06', vn('2023-06-16', '10:00'), undefined)).toMatchObject({
      ok: false,
      problem: 'stillOpen',
    });
    expect(checkReopening(EXAMPLE, '2023-07', vn('2023-06-20'), undefined)).toMatchObject({ problem: 'notOpenYet' });
    expect(checkReopening(EXAMPLE, '2023-06', vn('2023-07-12'), undefined, day(2023, 7, 11))).toEqual({
      ok: false,
      problem: 'pastDate',
      today: day(2023, 7, 12),
    });
  });

  it('refuses a period older than the 12 months /baocao looks back at', () => {
    const now = vn('2023-07-12');
    expect(checkReopening(EXAMPLE, '2022-07', now, undefined).ok).toBe(true);
    expect(checkReopening(EXAMPLE, '2022-06', now, undefined)).toEqual({ ok: false, problem: 'tooOld', months: 12 });
  });

  it('judges a period already reopened without its reopening, so it can be replaced', () => {
    const reopened = { reopening: { until: vn('2023-07-14') } };
    expect(checkReopening(EXAMPLE, '2023-06', vn('2023-07-12'), reopened).ok).toBe(true);
  });
});

describe('checkExtension', () => {
  const now = vn('2023-06-14', '10:00');

  it('moves the due day later, up to the lock day, with the lock where it was', () => {
    const check = checkExtension(EXAMPLE, '2023-06', now, undefined, day(2023, 7, 9));
    expect(check).toMatchObject({ ok: true, lockMoved: false });
    if (!check.ok) throw new Error('refused');
    expect(check.after.onTimeUntil).toEqual(vn('2023-07-10'));
    expect(check.after.lockAt).toEqual(vn('2023-07-10'));
    expect(check.before.onTimeUntil).toEqual(vn('2023-06-17'));
  });

  it('with grace days, a due day near the lock moves the lock after the grace days', () => {
    const check = checkExtension(WITH_GRACE, '2023-06', now, undefined, day(2023, 7, 8));
    expect(check).toMatchObject({ ok: true, lockMoved: true });
    if (check.ok) expect(check.after.lockAt).toEqual(vn('2023-07-11'));
  });

  it('refuses a past day, a day not later than the due day in force, a day after the lock, a locked period', () => {
    expect(checkExtension(EXAMPLE, '2023-06', now, undefined, day(2023, 6, 13))).toMatchObject({ problem: 'pastDate' });
    expect(checkExtension(EXAMPLE, '2023-06', now, undefined, day(2023, 6, 16))).toMatchObject({ problem: 'notLater' });
    const extended = { extension: { dueDate: '2023-06-20' } };
    expect(checkExtension(EXAMPLE, '2023-06', now, extended, day(2023, 6, 19))).toMatchObject({ problem: 'notLater' });
    expect(checkExtension(EXAMPLE, '2023-06', now, extended, day(2023, 6, 21)).ok).toBe(true);
    expect(checkExtension(EXAMPLE, '2023-06', now, undefined, day(2023, 7, 10))).toEqual({
      ok: false,
      problem: 'afterLock',
      lockDay: day(2023, 7, 9),
    });
    expect(checkExtension(EXAMPLE, '2023-05', now, undefined, day(2023, 6, 20))).toMatchObject({ problem: 'locked' });
    const lockedEarly = { earlyLock: { at: vn('2023-06-13') } };
    expect(checkExtension(EXAMPLE, '2023-06', now, lockedEarly, day(2023, 6, 20))).toMatchObject({ problem: 'locked' });
  });
});

describe('checkEarlyLock', () => {
  it('locks an open, due or late period; not one not open yet or already locked', () => {
    expect(checkEarlyLock(EXAMPLE, '2023-06', vn('2023-06-12'), undefined).ok).toBe(true);
    expect(checkEarlyLock(EXAMPLE, '2023-06', vn('2023-06-20'), undefined).ok).toBe(true);
    expect(checkEarlyLock(EXAMPLE, '2023-07', vn('2023-06-20'), undefined)).toMatchObject({ problem: 'notOpenYet' });
    expect(checkEarlyLock(EXAMPLE, '2023-05', vn('2023-06-20'), undefined)).toMatchObject({ problem: 'alreadyLocked' });
    const locked = { earlyLock: { at: vn('2023-06-19') } };
    expect(checkEarlyLock(EXAMPLE, '2023-06', vn('2023-06-20'), locked)).toMatchObject({ problem: 'alreadyLocked' });
  });
});
