import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LimiterClosedError, SendLimiter, type SendLimiterOptions } from '../../src/app/send-limiter.ts';

const T0 = Date.parse('2026-11-02T01:00:00Z');

/** A limiter on vitest's fake timers, and a log of when each send started, in ms after T0. */
function setup(options: SendLimiterOptions = {}) {
  const limiter = new SendLimiter(options);
  const starts: Array<{ chat: string; label: string; at: number }> = [];
  const send = (chat: string, label: string, opts: { latencyMs?: number; retryAfterMs?: number } = {}) =>
    limiter.run(
      chat,
      async () => {
        starts.push({ chat, label, at: Date.now() - T0 });
        if (opts.latencyMs) await new Promise((resolve) => setTimeout(resolve, opts.latencyMs));
        return { label, retryAfterMs: opts.retryAfterMs };
      },
      { retryAfterMsOf: (r) => r.retryAfterMs },
    );
  const startsOf = (chat: string) => starts.filter((s) => s.chat === chat).map((s) => s.at);
  return { limiter, starts, send, startsOf };
}

/** The most starts inside any window of `windowMs` (a start at exactly +windowMs is outside). */
function mostInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('SendLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spaces sends to one chat by the gap after the end of the previous send, in order', async () => {
    const { send, starts } = setup();
    const done = ['a', 'b', 'c', 'd'].map((label) => send('42', label, { latencyMs: 50 }));
    await vi.runAllTimersAsync();
    expect((await Promise.all(done)).map((r) => r.label)).toEqual(['a', 'b', 'c', 'd']);
    // Each starts 1000 ms after the previous one ended (it took 50 ms).
    expect(starts.map((s) => [s.label, s.at])).toEqual([
      ['a', 0],
      ['b', 1050],
      ['c', 2100],
      ['d', 3150],
    ]);
  });

  it('counts the chat gap after the global wait, so a busy queue never brings two sends to a chat closer', async () => {
    // 2/s globally: ten other chats take the slots 0–4500 ms; chat X's first send gets 5000.
    const { send, startsOf } = setup({ limits: { globalPerSecond: 2 } });
    for (let i = 0; i < 10; i++) void send(`${100 + i}`, `other ${i}`);
    void send('7', 'x1');
    void send('7', 'x2');
    await vi.runAllTimersAsync();
    // A per-chat limiter counted before the global wait would let x2 go at 5500, 500 ms after x1.
    expect(startsOf('7')).toEqual([5000, 6000]);
  });

  it('keeps a group to 20 sends in any minute, and 1 s apart', async () => {
    const { send, startsOf } = setup();
    for (let i = 0; i < 25; i++) void send('-1001', `g${i}`);
    await vi.runAllTimersAsync();
    const times = startsOf('-1001');
    const firstTwenty = Array.from({ length: 20 }, (_, i) => i * 1000);
    // The 21st waits for a minute after the 1st ended, the 22nd for a minute after the 2nd...
    expect(times).toEqual([...firstTwenty, 60_000, 61_000, 62_000, 63_000, 64_000]);
    expect(mostInWindow(times, 60_000)).toBe(20);
  });

  it('spreads sends to many chats evenly at the global rate', async () => {
    const { send, starts } = setup({ limits: { globalPerSecond: 20 }, catchUpMs: 0 });
    for (let i = 0; i < 60; i++) void send(`${1000 + i}`, `m${i}`);
    await vi.runAllTimersAsync();
    expect(starts.map((s) => s.at)).toEqual(Array.from({ length: 60 }, (_, i) => i * 50));
    expect(
      mostInWindow(
        starts.map((s) => s.at),
        1000,
      ),
    ).toBe(20);
  });

  it('catches up on slots a busy event loop made it miss, yet never sends more than the rate in a second', async () => {
    // Every timer fires 80 ms late, longer than the 50 ms between slots at 20/s.
    const late = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms + 80)) };
    const run = async (catchUpMs: number) => {
      vi.setSystemTime(T0);
      const { send, starts } = setup({ limits: { globalPerSecond: 20 }, catchUpMs, timers: late });
      for (let i = 0; i < 100; i++) void send(`${5000 + i}`, `m${i}`);
      await vi.runAllTimersAsync();
      return starts.map((s) => s.at);
    };
    // Without catching up, every other slot costs a whole late timer: 100 sends take over 49 × 130 ms.
    expect((await run(0)).at(-1)).toBeGreaterThan(49 * 130);
    // Catching up 100 ms keeps close to the pace (99 slots of 50 ms), though each wait for the
    // one-second window is a late timer too.
    const caughtUp = await run(100);
    expect(caughtUp.at(-1)).toBeLessThan(99 * 50 * 1.1);
    expect(mostInWindow(caughtUp, 1000)).toBeLessThanOrEqual(20);
  });

  it('lets a reply to a person who is chatting take the next slot ahead of a broadcast', async () => {
    const { limiter, send, starts } = setup({ limits: { globalPerSecond: 20 }, catchUpMs: 0 });
    for (let i = 0; i < 8; i++) void send(`${2000 + i}`, `broadcast ${i}`);
    await vi.advanceTimersByTimeAsync(120);
    const answered = limiter.run(
      '99',
      () => {
        starts.push({ chat: '99', label: 'reply', at: Date.now() - T0 });
        return Promise.resolve('ok');
      },
      { priority: 'interactive' },
    );
    await vi.runAllTimersAsync();
    expect(await answered).toBe('ok');
    // At 120 ms the slot of 150 is already handed out; the reply takes the one after it.
    expect(starts.map((s) => `${s.at} ${s.label}`).slice(0, 6)).toEqual([
      '0 broadcast 0',
      '50 broadcast 1',
      '100 broadcast 2',
      '150 broadcast 3',
      '200 reply',
      '250 broadcast 4',
    ]);
  });

  it('makes a chat wait retry_after after a 429, and slows the global rate for a while', async () => {
    const { send, starts, startsOf } = setup({
      limits: { globalPerSecond: 10 },
      slowdown: { factor: 0.8, floor: 0.5, cooldownMs: 1000, recoverMs: 5000 },
      catchUpMs: 0,
    });
    void send('5', 'flooded', { retryAfterMs: 3000 });
    void send('5', 'after the wait');
    for (let i = 0; i < 4; i++) void send(`${3000 + i}`, `o${i}`);
    await vi.runAllTimersAsync();
    expect(startsOf('5')).toEqual([0, 3000]);
    // 10/s is one slot per 100 ms. The slot of 100 was handed out before the 429 came back; the next
    // follows 8/s (125 ms), the one after 8.225/s (the rate climbs back by 1/s per second): 225 +
    // 121.58 ms, started on the next whole millisecond.
    const others = starts.filter((s) => s.chat !== '5').map((s) => s.at);
    expect(others.slice(0, 3)).toEqual([100, 225, 347]);
  });

  it('cuts the rate once for a burst of 429s, and is back to full speed once it recovered', async () => {
    const { limiter, send } = setup({
      limits: { globalPerSecond: 10 },
      slowdown: { factor: 0.8, floor: 0.5, cooldownMs: 1000, recoverMs: 5000 },
    });
    for (let i = 0; i < 3; i++) void send(`${4000 + i}`, `flood ${i}`, { retryAfterMs: 1000 });
    await vi.advanceTimersByTimeAsync(300);
    // Three 429s within the cooldown: one cut, 10/s × 0.8, recovering 1/s per second.
    expect(limiter.ratePerSecond).toBeCloseTo(8 + 0.3 * 1, 5);
    await vi.advanceTimersByTimeAsync(5000);
    expect(limiter.ratePerSecond).toBe(10);
  });

  it('keeps going after a send throws: the error reaches its caller, the next send keeps the gap', async () => {
    const { limiter, send, startsOf } = setup();
    const failed = limiter.run('8', () => Promise.reject(new Error('network down')));
    const next = send('8', 'next');
    const outcome = expect(failed).rejects.toThrow('network down');
    await vi.runAllTimersAsync();
    await outcome;
    expect((await next).label).toBe('next');
    expect(startsOf('8')).toEqual([1000]);
  });

  it('refuses sends once closed; those not started reject with LimiterClosedError, the running one ends', async () => {
    const { limiter, send } = setup();
    const running = send('9', 'running', { latencyMs: 500 });
    const queued = send('9', 'queued');
    const outcome = expect(queued).rejects.toBeInstanceOf(LimiterClosedError);
    await vi.advanceTimersByTimeAsync(10);
    limiter.close();
    await vi.runAllTimersAsync();
    expect((await running).label).toBe('running');
    await outcome;
    await expect(send('9', 'late')).rejects.toBeInstanceOf(LimiterClosedError);
    await limiter.onIdle();
    expect(limiter.pending).toBe(0);
  });
});
