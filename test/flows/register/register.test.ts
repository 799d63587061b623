import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, keys, type Harness } from '../../support/flow-harness.ts';

describe('register flow', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function invite(
    code: string,
    options: { role?: 'focal' | 'leader' | 'secretariat'; unitId?: string; expiresInMs?: number } = {},
  ) {
    await h.program.repos.invites.create({
      code,
      blocId: h.bloc.id,
      role: options.role ?? 'focal',
      unitId: options.role === undefined || options.role === 'focal' ? (options.unitId ?? 'si-ma-cai') : options.unitId,
      expiresAt: new Date(h.clock.now.getTime() + (options.expiresInMs ?? 86_400_000)),
      createdBy: { channel: 'cli', userId: 'test' },
    });
  }

  it('binds a stranger with /start <code> and greets them by unit and role', async () => {
    await invite('ACDEFG34');
    const chat = h.stranger('alice');
    const replies = await chat.say('/start ACDEFG34');
    expect(keys(replies)).toEqual(['register.welcome', 'register.next.focal']);
    const binding = replies[0]?.reply.params?.binding;
    expect(binding).toMatchObject({ key: 'common.bindingWithUnit', params: { unit: 'Huyện Si Ma Cai' } });
    const regs = await h.program.repos.registrations.findActive('console', 'alice');
    expect(regs.map((r) => [r.role, r.unitId])).toEqual([['focal', 'si-ma-cai']]);
  });

  it('accepts the code typed in lower case with a dash, without the slash', async () => {
    await invite('ACDEFG34');
    const replies = await h.stranger('bob').say('dangky acde-fg34');
    expect(keys(replies)[0]).toBe('register.welcome');
  });

  it('says which: malformed, unknown, used, expired', async () => {
    await invite('ACDEFG34');
    await invite('CDEFGH34', { expiresInMs: 1000 });
    expect(keys(await h.stranger('c1').say('/dangky 12'))).toEqual(['register.code.malformed']);
    expect(keys(await h.stranger('c2').say('/dangky WXYWXY34'))).toEqual(['register.code.unknown']);
    await h.stranger('c3').say('/dangky ACDEFG34');
    expect(keys(await h.stranger('c4').say('/dangky ACDEFG34'))).toEqual(['register.code.used']);
    h.clock.now = new Date(h.clock.now.getTime() + 2000);
    expect(keys(await h.stranger('c5').say('/dangky CDEFGH34'))).toEqual(['register.code.expired']);
  });

  it('tells someone already bound their unit, and a new code replaces the binding', async () => {
    const chat = await h.person({ role: 'focal', unitId: 'bac-ha', userId: 'dan' });
    expect(keys(await chat.say('/start'))).toEqual(['register.alreadyBound']);
    await invite('ACDEFG34', { unitId: 'van-ban' });
    const replies = await chat.say('/dangky ACDEFG34');
    expect(keys(replies)).toEqual(['register.welcome', 'register.replaced', 'register.next.focal']);
    const regs = await h.program.repos.registrations.findActive('console', 'dan');
    expect(regs.map((r) => r.unitId)).toEqual(['van-ban']);
  });

  it('tells a stranger how to get a code, and refuses other commands', async () => {
    const chat = h.stranger('eve');
    expect(keys(await chat.say('/start'))).toEqual(['register.howToGetCode']);
    expect(keys(await chat.say('/chuanop'))).toEqual(['engine.registerFirst']);
    expect(keys(await chat.say('xin chào'))).toEqual(['engine.hintStranger']);
  });

  it('ignores a duplicate update id', async () => {
    await invite('ACDEFG34');
    const chat = h.stranger('fay');
    const first = await chat.say('/start ACDEFG34', { updateId: 'same' });
    const second = await chat.say('/start ACDEFG34', { updateId: 'same' });
    expect(keys(first)).toContain('register.welcome');
    expect(second).toEqual([]);
  });

  describe('typed as on Zalo, which has no deep links', () => {
    it('"dang ky <code>", "Đăng ký <code>" and the code alone from a stranger all register', async () => {
      for (const code of ['ACDEFG34', 'CDEFGH34', 'DEFGHJ34']) await invite(code);
      expect(keys(await h.stranger('z1').say('dang ky ACDE-FG34'))).toEqual([
        'register.welcome',
        'register.next.focal',
      ]);
      expect(keys(await h.stranger('z2').say('Đăng ký cdef gh34'))).toEqual([
        'register.welcome',
        'register.next.focal',
      ]);
      expect(keys(await h.stranger('z3').say('DEFG-HJ34'))).toEqual(['register.welcome', 'register.next.focal']);
      const bound = await h.program.repos.registrations.findActive('console', 'z3');
      expect(bound.map((r) => [r.role, r.unitId, r.inviteCode])).toEqual([['focal', 'si-ma-cai', 'DEFGHJ34']]);
    });

    it('a bare code that is no invite says so; bare text that cannot be a code, or from someone bound, is no code', async () => {
      expect(keys(await h.stranger('z4').say('WXYW-XY34'))).toEqual(['register.code.unknown']);
      expect(keys(await h.stranger('z5').say('xin chào'))).toEqual(['engine.hintStranger']);
      await invite('ACDEFG34');
      const bound = await h.person({ role: 'focal', unitId: 'bac-ha', userId: 'z6' });
      expect(keys(await bound.say('ACDEFG34'))).toEqual(['engine.hintFocal']);
      expect(await h.program.repos.registrations.findActive('console', 'z6')).toMatchObject([{ unitId: 'bac-ha' }]);
    });

    it('on a channel whose terms require it, the greeting first says the person talks to software', async () => {
      await invite('ACDEFG34');
      const zalo = { mustSayAutomated: true };
      expect(keys(await h.stranger('z7').say('/start', zalo))).toEqual([
        'zalo.automatedNotice',
        'register.howToGetCode',
      ]);
      expect(keys(await h.stranger('z8').say('ACDEFG34', zalo))).toEqual([
        'zalo.automatedNotice',
        'register.welcome',
        'register.next.focal',
      ]);
    });
  });
});
