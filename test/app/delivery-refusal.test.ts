import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPayload } from '../../src/app/outbox-payload.ts';
import type { OutboxRow } from '../../src/app/ports.ts';
import { recipientRefused, reminderStillWanted } from '../../src/app/use-cases/delivery-refusal.ts';
import { createHarness, keys, type Harness } from '../support/flow-harness.ts';
import { saveReport } from '../support/submission-fixtures.ts';
import { JUNE_12 } from '../flows/report/helpers.ts';

describe('a recipient who refused for good (issue 8, "The send queue")', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  const rowTo = (chatId: string): OutboxRow => ({
    id: 1,
    channel: 'console',
    chatId,
    priority: 'bulk',
    payload: toPayload({ key: 'engine.hint' }, 'vi'),
    createdAt: JUNE_12,
    attempts: 1,
    nextAttemptAt: JUNE_12,
  });

  it('flags the registration, tells the secretariat once, and clears when the person writes again', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'lan', name: 'Nguyễn Thị Lan' });
    const desk = await h.person({ role: 'secretariat', userId: 'desk', chatId: 'desk' });
    await lan.say('/trogiup'); // registered people have written to the bot: their name is known
    const { repos, services } = h.program;
    await recipientRefused(
      repos,
      services.blocs,
      rowTo('lan'),
      'telegram 403: Forbidden: bot was blocked by the user',
      JUNE_12,
    );
    await recipientRefused(repos, services.blocs, rowTo('lan'), 'telegram 403: again', JUNE_12);
    await h.program.dispatcher.flush();
    const [binding] = await repos.registrations.findActive('console', 'lan');
    expect(binding).toMatchObject({ role: 'focal', unitId: 'si-ma-cai', unreachableSince: JUNE_12 });
    // Told once, with the person and the unit.
    expect(desk.transcript.map((m) => m.reply)).toEqual([
      {
        key: 'delivery.unreachable',
        params: { name: 'Nguyễn Thị Lan', unit: 'Huyện Si Ma Cai', channel: { key: 'channels.console' } },
      },
    ]);
    // Writing again clears the flag; the role and unit stayed all along.
    expect(keys(await lan.say('/trangthai'))).toEqual(['status.unit']);
    const [after] = await repos.registrations.findActive('console', 'lan');
    expect(after?.unreachableSince).toBeUndefined();
    expect(after).toMatchObject({ role: 'focal', unitId: 'si-ma-cai' });
  });

  it('a reminder is wanted until the unit has submitted (a returned report is not in)', async () => {
    const reminder = { blocId: h.bloc.id, periodId: '2023-06', unitId: 'si-ma-cai' };
    expect(await reminderStillWanted(h.program.repos, reminder)).toBe(true);
    await saveReport(h, 'si-ma-cai', '2023-06', JUNE_12, { status: 'returned', returnReason: 'Sai chỉ tiêu 3' });
    expect(await reminderStillWanted(h.program.repos, reminder)).toBe(true);
    await saveReport(h, 'si-ma-cai', '2023-06', JUNE_12);
    expect(await reminderStillWanted(h.program.repos, reminder)).toBe(false);
  });
});
