import { afterEach, describe, expect, it } from 'vitest';
import { unitReminderReply, type UnitReminder } from '../../../src/flows/remind/reminder-text.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { local } from '../../support/submission-fixtures.ts';

const june = { key: 'common.period', params: { month: 6, year: 2023 } };
const late: UnitReminder = {
  unitName: 'Huyện Si Ma Cai',
  periodId: '2023-06',
  occasion: 'late',
  dueDate: '2023-06-16',
  daysToDue: -3,
  lockAt: local('2023-07-10T00:00'),
  timezone: 'Asia/Ho_Chi_Minh',
  draft: 'none',
};

describe('a reminder as each channel shows it', () => {
  it('on Telegram carries a button with the command itself, and says to tap it', () => {
    expect(unitReminderReply(late, 'telegram')).toEqual({
      key: 'reminders.unit.late',
      params: {
        unit: 'Huyện Si Ma Cai',
        period: june,
        due: '16/06/2023',
        days: 3,
        lock: '09/07/2023',
        more: [{ key: 'reminders.more.tap' }],
      },
      choices: [[{ id: 'cmd:baocao:2023-06', label: { key: 'reminders.button' } }]],
    });
  });

  it('on Zalo and the console has no choice and says to type /baocao', () => {
    for (const channel of ['zalo', 'console'] as const) {
      const shown = unitReminderReply({ ...late, occasion: 'manual', daysToDue: 2 }, channel);
      expect(shown.key).toBe('reminders.unit.manual');
      expect(shown.choices).toBeUndefined();
      expect(shown.params?.more).toEqual([{ key: 'reminders.more.type' }]);
    }
  });

  it('during a reopening speaks of its last day', () => {
    const shown = unitReminderReply({ ...late, occasion: 'reopened', dueDate: '2023-07-14', daysToDue: 0 }, 'zalo');
    expect(shown.key).toBe('reminders.unit.reopened');
    expect(shown.params).toMatchObject({ due: '14/07/2023' });
  });
});

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('the reminder’s button', () => {
  it('starts the report even while another conversation waits for an answer', async () => {
    h = await createHarness({ now: local('2023-06-13T09:00') });
    const smc = await h.person({ unitId: 'si-ma-cai', userId: 'smc' });
    await smc.say('/dexuat');
    const answer = await smc.say('', { optionId: 'cmd:baocao:2023-06' });
    expect(keys(answer)).toEqual(['report.intro', 'report.ask.question']);
    const drafts = await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06');
    expect(drafts.map((d) => [d.unitId, d.command])).toEqual([['si-ma-cai', 'baocao']]);
  });
});
