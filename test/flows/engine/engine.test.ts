import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../../src/app/ports.ts';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';

describe('conversation engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const buttonsOf = (m: { reply: { choices?: { id: string }[][] } } | undefined) =>
    (m?.reply.choices ?? []).flat().map((c) => c.id);

  it('never reuses a button nonce after a reset: an old button stays stale', async () => {
    const chat = await h.person({ role: 'focal' });
    const first = await chat.say('/ngonngu');
    const oldButton = buttonsOf(first.at(-1))[1] ?? '';
    expect(keys(await chat.say('hủy'))).toEqual(['engine.cancelled']);
    const second = await chat.say('/ngonngu');
    expect(buttonsOf(second.at(-1))[1]).not.toBe(oldButton);
    expect(keys(await chat.say('', { optionId: oldButton }))).toEqual(['engine.staleButton']);
  });

  it('reads a typed "2" as option 2 where choices are numbered, but not where they are buttons', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/ngonngu');
    expect(keys(await chat.say('2', { choicesAsButtons: true }))).toEqual(['language.unknown']);
    const picked = await chat.say('2');
    expect(keys(picked)).toEqual(['language.set']);
    expect(picked[0]?.lang).toBe('en');
  });

  it('a question with nothing typed (which language?) gives way to a new conversation without a word', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/ngonngu');
    expect(keys(await chat.say('/baocao'))).toEqual(['report.intro', 'report.ask.question']);
    // The language question is gone: "2" is now a figure for indicator 1, not "English".
    expect(keys(await chat.say('2'))).toEqual(['report.echo', 'report.ask.question']);
  });

  it('answers an edited message that edits are not read, and changes nothing', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/ngonngu');
    expect(keys(await chat.say('2', { edited: true }))).toEqual(['engine.editIgnored']);
    expect(keys(await chat.say('2'))).toEqual(['language.set']);
  });

  it('re-checks rights at every step: a binding lost mid-conversation ends it', async () => {
    const chat = await h.person({ role: 'focal', userId: 'moved' });
    await chat.say('/baocao');
    const [reg] = await h.program.repos.registrations.findActive('console', 'moved');
    await h.program.repos.registrations.deactivate(reg!.id, 'test', h.clock.now);
    expect(keys(await chat.say('51,6'))).toEqual(['engine.notAllowed']);
  });

  it('keeps the last-seen time of a person to the hour, and their display name as last seen', async () => {
    const { people } = h.program.repos;
    const start = h.clock.now;
    const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const chat = await h.person({ role: 'focal', userId: 'seen', name: 'Lan' });
    await chat.say('/trogiup');
    expect(await people.get('console', 'seen')).toMatchObject({
      displayName: 'Lan',
      firstSeenAt: start,
      lastSeenAt: start,
    });
    h.clock.now = later(59);
    await chat.say('/trogiup');
    expect((await people.get('console', 'seen'))?.lastSeenAt).toEqual(start);
    h.clock.now = later(60);
    await chat.say('/trogiup');
    expect((await people.get('console', 'seen'))?.lastSeenAt).toEqual(later(60));
    h.clock.now = later(61);
    const renamed = await h.person({ role: 'focal', userId: 'seen', name: 'Lan Nguyễn' });
    await renamed.say('/trogiup');
    expect(await people.get('console', 'seen')).toMatchObject({
      displayName: 'Lan Nguyễn',
      firstSeenAt: start,
      lastSeenAt: later(61),
    });
  });

  it('reports an update it could not even record as unrecorded, so the channel does not acknowledge it', async () => {
    await h.program.database.close();
    const result = await h.program.engine.handle({
      channel: 'console',
      chatId: 'c',
      chatType: 'private',
      userId: 'u',
      displayName: 'U',
      text: '/trogiup',
      updateId: 'x1',
      at: h.clock.now,
    });
    expect(result).toBe('unrecorded');
    // Reopen so close() in afterEach has something to close.
    h = await createHarness();
  });
});

describe('the weaker session mode (session written after the commit)', () => {
  let h: Harness;
  let failWrites = false;
  beforeEach(async () => {
    const memory = new Map<string, unknown>();
    const external: SessionStore = {
      get: (k) => Promise.resolve(memory.get(k)),
      set: (k, v) => {
        if (failWrites) return Promise.reject(new Error('redis down'));
        memory.set(k, v);
        return Promise.resolve(true);
      },
      delete: (k) => Promise.resolve(memory.delete(k)),
    };
    h = await createHarness({ wrapSessions: () => external });
    h.program.services.sessionInTransaction = false;
    failWrites = false;
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends the replies once the session is written', async () => {
    const chat = await h.person({ role: 'focal' });
    expect(keys(await chat.say('/ngonngu'))).toEqual(['language.ask']);
    expect(keys(await chat.say('2'))).toEqual(['language.set']);
  });

  it('drops the held replies and asks to resend when the session write fails, so no answer lands on the wrong question', async () => {
    const chat = await h.person({ role: 'focal' });
    await chat.say('/baocao');
    failWrites = true;
    expect(keys(await chat.say('45,2'))).toEqual(['engine.sessionNotSaved']);
    failWrites = false;
    // The session still waits at indicator 1: the same answer is read there again.
    const again = await chat.say('45,2');
    expect(keys(again)).not.toContain('engine.sessionNotSaved');
    const question = again.find((m) => m.reply.key === 'report.ask.question');
    expect(question?.reply.params?.number).toBe(2);
  });
});
