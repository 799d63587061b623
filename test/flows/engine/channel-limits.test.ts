import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';

/** What a channel without groups or without a reader for some content (Zalo) says in the Inbound. */
describe('the engine and a channel’s limits', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a group message on a channel without groups is pointed to the private chat, commands included', async () => {
    const secretary = await h.person({ role: 'secretariat', chatId: 'group-1', chatType: 'group' });
    for (const text of ['@Bot /nhom', '/bangxephang', 'xin chào'])
      expect(keys(await secretary.say(text, { groupsUnsupported: true })), text).toEqual(['zalo.groupUsePrivate']);
    expect(await h.program.repos.groups.findByChat('console', 'group-1')).toBeUndefined();
  });

  it('/nhom in a private chat there says the leaders’ group stays on Telegram', async () => {
    const secretary = await h.person({ role: 'secretariat' });
    expect(keys(await secretary.say('/nhom', { groupsUnsupported: true }))).toEqual(['zalo.groupOnTelegram']);
    expect(keys(await secretary.say('/nhom'))).toEqual(['group.useInGroup']);
  });

  it('a sticker or voice note gets what the bot reads; a conversation in progress stays at its step', async () => {
    const focal = await h.person({ role: 'focal' });
    await focal.say('/dexuat');
    expect(keys(await focal.say('', { unreadable: 'content' }))).toEqual(['zalo.unsupported']);
    expect(keys(await focal.say('', { unreadable: 'photo' }))).toEqual(['zalo.photoNotKept']);
    // Still at the first question: the kind of nominee is taken.
    expect(keys(await focal.say('tập thể'))).toEqual(['nominate.ask.nameCollective']);
  });

  it('unreadable content in a group is not answered (nobody asked the bot)', async () => {
    const member = await h.person({ role: 'leader', chatId: 'group-2', chatType: 'group' });
    expect(await member.say('', { unreadable: 'content' })).toEqual([]);
  });
});
