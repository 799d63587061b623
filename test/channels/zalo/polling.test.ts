import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/app/messages.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { ZaloPoller, type ZaloPollerOptions } from '../../../src/channels/zalo/polling.ts';
import type { HandleResult } from '../../../src/channels/zalo/types.ts';
import { FAKE_ZALO_SECRET_PART, FakeZaloApi, type FakeZaloApiOptions } from '../../fakes/fake-zalo-api.ts';
import { captureLogger } from '../../support/log-capture.ts';

/** The engine as the poller sees it: records what it got; `gate` holds a chat until released. */
class FakeEngine {
  readonly seen: Inbound[] = [];
  readonly results: HandleResult[] = [];
  readonly gates = new Map<string, Promise<void>>();
  running = 0;
  maxRunning = 0;
  async handle(inbound: Inbound): Promise<HandleResult> {
    this.seen.push(inbound);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await this.gates.get(inbound.text ?? '');
      return this.results.shift() ?? 'handled';
    } finally {
      this.running--;
    }
  }
  texts(): string[] {
    return this.seen.map((i) => i.text ?? '');
  }
}

let api: FakeZaloApi;
let engine: FakeEngine;
let log: ReturnType<typeof captureLogger>;
let poller: ZaloPoller | undefined;

async function setup(options: FakeZaloApiOptions = {}) {
  api = await FakeZaloApi.start({ pollHoldMs: 30, ...options });
}
beforeEach(() => {
  engine = new FakeEngine();
  log = captureLogger();
});
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  await api.close();
});

function start(options: Partial<ZaloPollerOptions> = {}): Promise<void> {
  const client = new ZaloClient({ token: api.token, baseUrl: api.url, defaultTimeoutMs: 2000 });
  poller = new ZaloPoller({
    client,
    handler: engine,
    logger: log.logger,
    botId: api.bot.id,
    backoff: { initialMs: 5000, maxMs: 60_000 },
    recordRetryDelaysMs: [10, 10],
    ...options,
  });
  return poller.start();
}

const warnings = () => log.records().filter((r) => Number(r.level) >= 40);

describe('Zalo long polling', () => {
  it('deletes a webhook before the first getUpdates, and says so in the log', async () => {
    await setup();
    api.webhook = { url: 'https://bot.example/zalo', secret: 'a-secret-of-16ch', updated_at: 1 };
    await start();
    await api.waitForCalls('getUpdates', 1);
    expect(api.calls.map((c) => c.method).slice(0, 3)).toEqual(['getWebhookInfo', 'deleteWebhook', 'getUpdates']);
    expect(api.webhook).toBeUndefined();
    expect(log.records().some((r) => String(r.msg).includes('deleting it'))).toBe(true);
  });

  it('without a webhook (getWebhookInfo 404) it polls at once, asking for timeout "30"', async () => {
    await setup();
    await start();
    await api.waitForCalls('getUpdates', 1);
    expect(api.callsOf('deleteWebhook')).toHaveLength(0);
    expect(api.callsOf('getUpdates')[0]?.params).toEqual({ timeout: '30' });
  });

  for (const idleStatus of [200, 408] as const) {
    it(`idle 408 rounds (HTTP ${idleStatus}) poll again at once, with no backoff and no log`, async () => {
      await setup({ idleStatus });
      await start();
      await api.waitForCalls('getUpdates', 6, 2000);
      const user = api.updates.user('Lan');
      api.enqueue(api.updates.text(user, '/trangthai'));
      await api.waitUntil(() => engine.seen.length === 1, 2000, 'the update');
      expect(engine.texts()).toEqual(['/trangthai']);
      expect(warnings()).toEqual([]);
    });
  }

  it('429 and 5xx back off with jitter and recover; each failure is logged once', async () => {
    await setup();
    api.inject('getUpdates', { kind: 'error', code: 429 });
    api.inject('getUpdates', { kind: 'html', status: 502 });
    api.inject('getUpdates', { kind: 'drop' });
    const user = api.updates.user('Lan');
    api.enqueue(api.updates.text(user, 'sau lỗi'));
    await start({ backoff: { initialMs: 40, maxMs: 100 }, random: () => 0 });
    await api.waitUntil(() => engine.seen.length === 1, 3000, 'the update');
    const at = api.callsOf('getUpdates').map((c) => c.at);
    // Waits of 0.75 × 40, 0.75 × 80, then 0.75 × 160 capped at 100 ms.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(28);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(58);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(73);
    expect(warnings().map((r) => r.retryInMs)).toEqual([30, 60, 75]);
    expect(log.lines.join('')).not.toContain(FAKE_ZALO_SECRET_PART);
  });

  it('a message delivered twice is handed to the engine once', async () => {
    await setup();
    const user = api.updates.user('Lan');
    const update = api.updates.text(user, '/xem');
    api.enqueue(update, structuredClone(update), api.updates.text(user, 'sau'));
    await start();
    await api.waitUntil(() => engine.seen.length === 2, 2000, 'two updates');
    expect(engine.texts()).toEqual(['/xem', 'sau']);
  });

  it('one chat waits for its previous update; another chat goes ahead meanwhile', async () => {
    await setup();
    let release = () => {};
    engine.gates.set('a1', new Promise<void>((resolve) => (release = resolve)));
    const a = api.updates.user('A');
    const b = api.updates.user('B');
    api.enqueue(api.updates.text(a, 'a1'), api.updates.text(a, 'a2'), api.updates.text(b, 'b1'));
    await start();
    await api.waitUntil(() => engine.texts().includes('b1'), 2000, 'b1');
    expect(engine.texts()).toEqual(['a1', 'b1']);
    release();
    await api.waitUntil(() => engine.seen.length === 3, 2000, 'a2');
    expect(engine.texts()).toEqual(['a1', 'b1', 'a2']);
  });

  it('bounds the chats in flight: past the bound it waits before polling again', async () => {
    await setup();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const users = [api.updates.user('A'), api.updates.user('B'), api.updates.user('C')];
    for (const [i, u] of users.entries()) {
      engine.gates.set(`m${i}`, gate);
      api.enqueue(api.updates.text(u, `m${i}`));
    }
    await start({ maxLanes: 2 });
    await api.waitUntil(() => engine.seen.length === 2, 2000, 'two chats');
    const polls = api.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(api.callsOf('getUpdates')).toHaveLength(polls);
    expect(engine.maxRunning).toBe(2);
    release();
    await api.waitUntil(() => engine.seen.length === 3, 2000, 'the third chat');
  });

  it("an update the engine could not record is handed to it again; given up, it's logged", async () => {
    await setup();
    const user = api.updates.user('Lan');
    engine.results.push('unrecorded', 'handled');
    api.enqueue(api.updates.text(user, 'một'));
    await start();
    await api.waitUntil(() => engine.seen.length === 2, 2000, 'a second try');
    expect(engine.texts()).toEqual(['một', 'một']);

    engine.results.push('unrecorded', 'unrecorded', 'unrecorded');
    api.enqueue(api.updates.text(user, 'hai'));
    await api.waitUntil(() => log.records().some((r) => String(r.msg).includes('lost')), 2000, 'the loss logged');
    expect(engine.texts()).toEqual(['một', 'một', 'hai', 'hai', 'hai']);
  });

  it('ignores events without message and the bot’s own messages', async () => {
    await setup();
    const user = api.updates.user('Lan');
    const own = api.updates.text({ id: api.bot.id, name: 'Bot' }, 'echo');
    api.enqueue(api.updates.unsupported(user, false), own, api.updates.text(user, 'thật'));
    await start();
    await api.waitUntil(() => engine.seen.length === 1, 2000, 'the real one');
    await api.waitUntil(() => api.pendingUpdates === 0, 2000, 'all taken');
    expect(engine.texts()).toEqual(['thật']);
  });

  it('stop() cancels the long poll at once and waits for the update in hand', async () => {
    await setup({ pollHoldMs: 30_000 });
    let release = () => {};
    engine.gates.set('chậm', new Promise<void>((resolve) => (release = resolve)));
    const user = api.updates.user('Lan');
    api.enqueue(api.updates.text(user, 'chậm'));
    await start();
    await api.waitUntil(() => engine.seen.length === 1, 2000, 'the update');
    await api.waitForCalls('getUpdates', 2);
    let stopped = false;
    const stopping = poller!.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    const started = Date.now();
    await stopping;
    expect(Date.now() - started).toBeLessThan(1000);
    const polls = api.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(api.callsOf('getUpdates')).toHaveLength(polls);
  });

  it('a token refused mid-run stops polling and tells the integrator', async () => {
    await setup();
    api.inject('getUpdates', { kind: 'error', code: 401 });
    const fatal: unknown[] = [];
    await start({ onFatal: (e) => fatal.push(e) });
    await api.waitUntil(() => fatal.length === 1, 2000, 'onFatal');
    expect(fatal[0]).toMatchObject({ code: 401 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(api.callsOf('getUpdates')).toHaveLength(1);
  });
});
