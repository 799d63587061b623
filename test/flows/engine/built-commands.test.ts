import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/app/messages.ts';
import { acceptedReply, reopenAdvice } from '../../../src/flows/report/period.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';
import { JUNE_12 } from '../report/helpers.ts';

/** The keys of the messages a help reply lists. */
const listed = (m: Message | undefined) => (m?.params?.commands as Message[] | undefined)?.map((c) => c.key);

describe('replies name a command only once it is built (issue 7, item 10)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: JUNE_12 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('the lock refusal and the accepted notice say whom to ask, naming /moky and /tralai only when built', () => {
    expect(reopenAdvice(new Set())).toEqual({ key: 'period.reopen.ask' });
    expect(reopenAdvice(new Set(['moky']))).toEqual({ key: 'period.reopen.command' });
    expect(acceptedReply('2023-06', new Set(['tralai'])).params?.advice).toEqual({
      key: 'report.acceptedAdvice.command',
    });
    expect(acceptedReply('2023-06', new Set()).params?.advice).toEqual({ key: 'report.acceptedAdvice.ask' });
  });

  it('a locked period refused to a focal point follows the program: /moky is built (issue 8), so it is named', async () => {
    expect(h.program.engine.available.has('moky')).toBe(true);
    const lan = await h.person({ unitId: 'si-ma-cai' });
    // May 2023 locked at the end of 9 June.
    const [refusal] = await lan.say('/baocao 5/2023');
    expect(refusal?.reply).toMatchObject({
      key: 'period.refused.locked',
      params: { reopen: { key: 'period.reopen.command' } },
    });
    const [nothing] = await lan.say('/xem 5/2023');
    expect(nothing?.reply).toMatchObject({
      key: 'view.nothingLocked',
      params: { reopen: { key: 'period.reopen.command' } },
    });
  });

  it('/trogiup lists /dangky to a stranger only', async () => {
    const stranger = h.stranger();
    expect(listed((await stranger.say('/trogiup'))[0]?.reply)).toContain('help.commands.dangky');
    const focal = await h.person({ unitId: 'si-ma-cai' });
    const help = listed((await focal.say('/trogiup'))[0]?.reply) ?? [];
    expect(help).toContain('help.commands.baocao');
    expect(help).not.toContain('help.commands.dangky');
  });

  it('/xem of a locked period with nothing sent says the period is locked, not to type /baocao', async () => {
    const lan = await h.person({ unitId: 'si-ma-cai' });
    expect(keys(await lan.say('/xem 5/2023'))).toEqual(['view.nothingLocked']);
    expect(keys(await lan.say('/xem 6/2023'))).toEqual(['view.nothing']);
  });
});
