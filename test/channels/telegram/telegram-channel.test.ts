import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/app/messages.ts';
import { createHttpServer, type HttpServer } from '../../../src/channels/http-server.ts';
import type { CommandName } from '../../../src/app/permissions.ts';
import {
  connectTelegram,
  type ReceiveOptions,
  type TelegramReceiver,
} from '../../../src/channels/telegram/telegram-channel.ts';
import { FakeBotApi } from '../../fakes/fake-bot-api.ts';

/** An engine that records what it is given and commits when the test says so. */
function stubEngine() {
  const seen: Inbound[] = [];
  const gates: Array<() => void> = [];
  let hold = false;
  return {
    seen,
    holdCommits(on: boolean) {
      hold = on;
    },
    release() {
      for (const open of gates.splice(0)) open();
    },
    /** What `handle` resolves with: 'unrecorded' plays a database that is down. */
    result: 'handled' as string,
    handle(inbound: Inbound): Promise<string> {
      seen.push(inbound);
      if (!hold) return Promise.resolve(this.result);
      return new Promise((resolve) => gates.push(() => resolve('handled')));
    },
  };
}

const logger = pino({ level: 'silent' });
/** Commands built in this test's program: the menus offer only these. */
const BUILT = new Set<CommandName>(['baocao', 'xem', 'trogiup', 'bangxephang', 'huy']);

type Channel = TelegramReceiver & { username: string };

/** Connects (getMe) and starts receiving into `engine`, as the composition root does. */
async function createTelegramChannel(
  options: { token: string; apiRoot: string; logger: typeof logger } & Omit<ReceiveOptions, 'commands'>,
): Promise<Channel> {
  const connection = await connectTelegram({ token: options.token, apiRoot: options.apiRoot, log: options.logger });
  const receiver = connection.receive({
    engine: options.engine,
    webhook: options.webhook,
    onFatal: options.onFatal,
    commands: BUILT,
  });
  return Object.assign(receiver, { username: connection.username });
}
let api: FakeBotApi;
let channel: Channel | undefined;
let http: HttpServer | undefined;
beforeEach(async () => {
  api = await FakeBotApi.start();
});
afterEach(async () => {
  await channel?.stop();
  await http?.close();
  await api.close();
  channel = undefined;
  http = undefined;
});

describe('Telegram channel, long polling', () => {
  it('hands a batch to the engine in order and confirms it only after the commit', async () => {
    const engine = stubEngine();
    channel = await createTelegramChannel({ token: api.token, apiRoot: api.url, engine, logger });
    expect(channel.username).toBe(api.username);
    await channel.start();
    const lan = api.updates.user(501, 'Lan');
    const dm = api.updates.privateChat(lan);
    engine.holdCommits(true);
    const first = api.updates.command(dm, lan, '/ngonngu');
    const second = api.updates.text(dm, lan, '2');
    api.pushUpdate(first, second);
    await api.waitUntil(() => engine.seen.length === 2, 5000);
    expect(engine.seen.map((i) => i.text)).toEqual(['/ngonngu', '2']);
    expect(api.callsOf('getUpdates').some((c) => c.returned === 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    // Not committed yet: the batch is not confirmed, a crash now would get it again.
    expect(api.confirmedOffset).toBeLessThanOrEqual(first.update_id);
    engine.release();
    await api.waitUntil(() => api.confirmedOffset === second.update_id + 1, 5000);
  });

  it('answers a button press at once and gives the engine its data; passes edits on marked', async () => {
    const engine = stubEngine();
    channel = await createTelegramChannel({ token: api.token, apiRoot: api.url, engine, logger });
    await channel.start();
    const lan = api.updates.user(501, 'Lan');
    const dm = api.updates.privateChat(lan);
    api.pushUpdate(api.updates.edited(dm, lan, 'sửa'), api.updates.callback(dm, lan, '2|en', 5));
    await api.waitForCall('answerCallbackQuery');
    await api.waitUntil(() => engine.seen.length === 2, 5000);
    expect(engine.seen[0]).toMatchObject({ edited: true, text: 'sửa' });
    expect(engine.seen[1]).toMatchObject({ optionId: '2|en', chatId: '501' });
  });

  it('registers the private and group menus with the built commands only, and starts anyway when setMyCommands fails', async () => {
    channel = await createTelegramChannel({ token: api.token, apiRoot: api.url, engine: stubEngine(), logger });
    await channel.start();
    await api.waitUntil(() => api.commandMenus.length === 4, 5000);
    const scopes = api.commandMenus.map((m) => [(m.scope as { type: string }).type, m.language_code ?? 'vi']);
    expect(scopes).toEqual([
      ['all_private_chats', 'vi'],
      ['all_private_chats', 'en'],
      ['all_group_chats', 'vi'],
      ['all_group_chats', 'en'],
    ]);
    const names = (i: number) =>
      (api.commandMenus[i]?.commands as Array<{ command: string; description: string }>).map((c) => c.command);
    // Only built commands, in the menu's own order: /dexuat, /tiendo… are not built in this program.
    expect(names(0)).toEqual(['baocao', 'xem', 'bangxephang', 'trogiup', 'huy']);
    expect(names(2)).toEqual(['bangxephang', 'trogiup']);
    for (const menu of api.commandMenus) {
      for (const c of menu.commands as Array<{ command: string; description: string }>) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThanOrEqual(3);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    await channel.stop();

    const other = await FakeBotApi.start();
    other.inject('setMyCommands', { kind: 'status', status: 500 }, 10);
    const engine = stubEngine();
    channel = await createTelegramChannel({ token: other.token, apiRoot: other.url, engine, logger });
    await channel.start();
    await other.waitForCall('setMyCommands');
    const lan = other.updates.user(7, 'Hà');
    other.pushUpdate(other.updates.text(other.updates.privateChat(lan), lan, 'x'));
    await other.waitUntil(() => engine.seen.length === 1, 5000);
    await channel.stop();
    channel = undefined;
    await other.close();
  });
  it('reports a fatal stop when Telegram refuses polling (another poller: 409)', async () => {
    let fatal: unknown;
    channel = await createTelegramChannel({
      token: api.token,
      apiRoot: api.url,
      engine: stubEngine(),
      logger,
      onFatal: (e) => (fatal = e),
    });
    await channel.start();
    await api.waitForCall('getUpdates', (c) => c.params.timeout !== undefined);
    api.inject('getUpdates', {
      kind: 'status',
      status: 409,
      description: 'Conflict: terminated by other getUpdates request',
    });
    const lan = api.updates.user(9, 'Ba');
    api.pushUpdate(api.updates.text(api.updates.privateChat(lan), lan, 'x'));
    await api.waitUntil(() => fatal !== undefined, 5000);
    expect(String(fatal)).toContain('409');
  });
});

describe('Telegram channel, webhook', () => {
  async function webhookChannel(engine: ReturnType<typeof stubEngine>) {
    http = createHttpServer(logger);
    const port = await http.listen(0, '127.0.0.1');
    channel = await createTelegramChannel({
      token: api.token,
      apiRoot: api.url,
      webhook: { url: `http://127.0.0.1:${port}/telegram/hook`, secret: 'wh-secret_1' },
      engine,
      logger,
    });
    const hook = channel.webhook;
    if (!hook) throw new Error('webhook mode expected');
    http.mount(hook.path, hook.handler);
    await channel.start();
    return port;
  }

  it('refuses a wrong or missing secret with 403 and answers 200 only after the commit', async () => {
    const engine = stubEngine();
    const port = await webhookChannel(engine);
    expect(api.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/hook`, secret: 'wh-secret_1' });
    const lan = api.updates.user(501, 'Lan');
    const update = api.updates.text(api.updates.privateChat(lan), lan, 'xin chào');
    expect((await api.deliver(update, { secret: 'wrong' })).status).toBe(403);
    expect((await api.deliver(update, { secret: null })).status).toBe(403);
    expect(engine.seen).toHaveLength(0);

    engine.holdCommits(true);
    let answered = false;
    const delivery = api.deliver(update).then((r) => {
      answered = true;
      return r;
    });
    await api.waitUntil(() => engine.seen.length === 1, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false);
    engine.release();
    expect((await delivery).status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
  });

  it('answers 500 when the engine could not record the update, so Telegram delivers it again', async () => {
    const engine = stubEngine();
    await webhookChannel(engine);
    const lan = api.updates.user(501, 'Lan');
    const update = api.updates.text(api.updates.privateChat(lan), lan, 'xin chào');
    engine.result = 'unrecorded';
    expect((await api.deliver(update)).status).toBe(500);
    engine.result = 'handled';
    expect((await api.deliver(update)).status).toBe(200);
  });
});

describe('Telegram channel, database down while polling', () => {
  it('stops polling without confirming the batch when an update could not be recorded', async () => {
    const engine = stubEngine();
    engine.result = 'unrecorded';
    let fatal: unknown;
    channel = await createTelegramChannel({
      token: api.token,
      apiRoot: api.url,
      engine,
      logger,
      onFatal: (e) => (fatal = e),
    });
    await channel.start();
    const lan = api.updates.user(501, 'Lan');
    const update = api.updates.text(api.updates.privateChat(lan), lan, '51,6');
    api.pushUpdate(update);
    await api.waitUntil(() => fatal !== undefined, 5000);
    expect(api.confirmedOffset).toBeLessThanOrEqual(update.update_id);
  });
});
