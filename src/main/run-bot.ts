import { messageOf } from '../app/messages.ts';
import { createFileRoute } from '../channels/file-route.ts';
import { createHttpServer, type HttpHandler, type HttpServer } from '../channels/http-server.ts';
import { refusalText } from '../channels/zalo/errors.ts';
import { ZaloStartupError } from '../channels/zalo/startup.ts';
import { t } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/render.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import type { Program } from '../main.ts';
import { once } from './connect.ts';
import { jobsOf } from './jobs.ts';

/** Webhook mode needs a port; PORT unset there means this one. */
const DEFAULT_WEBHOOK_PORT = 8080;
/** At shutdown, how long the outbox may keep sending what it holds. */
const DRAIN_MS = 10_000;

/** One door the bot receives through, as runBot starts, watches and stops it. */
interface Door {
  channel: 'telegram' | 'zalo';
  mode: 'polling' | 'webhook';
  webhook?: { path: string; handler: HttpHandler };
  start(): Promise<void>;
  stop(): Promise<void>;
  /** What the start log line says of it (never the token). */
  about: Record<string, unknown>;
}

/**
 * Runs the bot until SIGINT/SIGTERM, with every channel whose token is set (Telegram, Zalo or both):
 * stop taking updates, finish those in flight, send what the outbox holds for a bounded time, close
 * the database, exit 0. One HTTP server on PORT carries both webhooks, `/healthz` and the files Zalo
 * fetches. Exit 1 when no channel is configured, or when updates can no longer be received: Telegram
 * refused for good (another process polling the same token), or Zalo refusing the token while it was
 * the only channel (with Telegram beside it, Zalo alone stops and Telegram goes on).
 */
export async function runBot(program: Program): Promise<number> {
  const { config, log, dispatcher, repos } = program;
  log.info({ blocs: program.blocs.map((b) => b.id) }, 'blocs loaded');
  const telegramFailed = once<'fatal'>();
  const doors = doorsOf(program, telegramFailed.fire);
  if (doors.length === 0) {
    log.error({}, 'no channel adapter for this configuration');
    await program.close(0);
    return 1;
  }
  const paths = doors.flatMap((d) => (d.webhook ? [d.webhook.path] : []));
  const taken = paths.find((p, i) => paths.indexOf(p) !== i);
  if (taken !== undefined) {
    console.error(t('zalo.webhookPathTaken', { path: taken }));
    log.error({ path: taken }, 'the Telegram and Zalo webhooks share one path');
    await program.close(0);
    return 1;
  }
  const serveFiles = Boolean(config.publicBaseUrl && program.zalo);
  const needsServer = paths.length > 0 || serveFiles;
  const port = config.port ?? (needsServer ? DEFAULT_WEBHOOK_PORT : undefined);
  const http: HttpServer | undefined = port === undefined ? undefined : createHttpServer(log);
  for (const door of doors) if (http && door.webhook) http.mount(door.webhook.path, door.webhook.handler);
  if (http && serveFiles) mountFiles(http, program);
  const stopped = waitForSignal();
  let live = [...doors];
  const stopAll = () => Promise.all(live.map((d) => d.stop())).then(() => undefined);
  try {
    if (http && port !== undefined) await http.listen(port);
    for (const door of doors) await door.start();
    if (program.telegram && doors.some((d) => d.channel === 'telegram' && d.mode === 'polling')) {
      // Only one process can poll a token (Telegram answers 409 to a second): rows a crashed run
      // had claimed are ours to send now, not after their lease (their chats would wait behind them).
      const freed = await repos.outbox.releaseClaims(['telegram'], new Date());
      if (freed > 0) log.info({ channel: 'telegram', freed }, 'took over messages claimed before a crash');
    }
    dispatcher.start();
  } catch (error) {
    if (error instanceof ZaloStartupError) console.error(renderMessage(messageOf(error.key, error.params), 'vi'));
    log.error({ err: error }, 'the bot could not start');
    stopped.dispose();
    await shutdown(program, stopAll, http);
    return 1;
  }
  log.info(
    { channels: Object.fromEntries(doors.map((d) => [d.channel, { mode: d.mode, ...d.about }])), port },
    'bot started',
  );
  const zone = program.blocs[0]?.calendar.timezone ?? 'Asia/Ho_Chi_Minh';
  const scheduler = startScheduler(jobsOf(program), zone, log);

  let reason: NodeJS.Signals | 'fatal';
  for (;;) {
    const zaloLive = live.some((d) => d.channel === 'zalo');
    const event = await Promise.race([
      stopped.signal,
      telegramFailed.promise,
      ...(zaloLive ? [program.zaloLost.then((error) => ({ zaloLost: error }))] : []),
    ]);
    if (typeof event === 'string') {
      reason = event;
      break;
    }
    // Zalo refused the token mid-run: that channel stops; the others go on.
    console.error(t('zalo.authLost', { description: refusalText(event.zaloLost) }));
    log.error({ err: event.zaloLost, channel: 'zalo' }, 'Zalo refuses ZALO_BOT_TOKEN: the Zalo channel stops');
    await Promise.all(live.filter((d) => d.channel === 'zalo').map((d) => d.stop()));
    live = live.filter((d) => d.channel !== 'zalo');
    if (live.length === 0) {
      reason = 'fatal';
      break;
    }
  }
  stopped.dispose();
  log.info({ reason }, 'stopping');
  await scheduler.stop();
  await shutdown(program, stopAll, http);
  log.info({}, 'stopped');
  return reason === 'fatal' ? 1 : 0;
}

/** The configured channels as doors; Telegram's failure ends the run (`onTelegramFatal`). */
function doorsOf(program: Program, onTelegramFatal: (value: 'fatal') => void): Door[] {
  const { config, telegram, zalo, engine } = program;
  const doors: Door[] = [];
  if (telegram && config.telegram) {
    const receiver = telegram.receive({
      engine,
      webhook: config.telegram.webhook,
      commands: engine.available,
      onFatal: () => onTelegramFatal('fatal'),
    });
    doors.push({ channel: 'telegram', ...receiver, about: { username: telegram.username } });
  }
  if (zalo) doors.push({ channel: 'zalo', ...zalo.receive(engine), about: { bot: zalo.bot.account_name } });
  return doors;
}

/** `/files/<id>`, also under PUBLIC_BASE_URL's own path (a proxy may pass it on unchanged). */
function mountFiles(http: HttpServer, program: Program): void {
  const route = createFileRoute({ files: program.repos.files, clock: program.services.clock, log: program.log });
  http.mountPrefix('/files/', route);
  const basePath = new URL(program.config.publicBaseUrl ?? 'http://x/').pathname.replace(/\/+$/, '');
  if (basePath) http.mountPrefix(`${basePath}/files/`, route);
}

async function shutdown(program: Program, stopReceiving: () => Promise<void>, http: HttpServer | undefined) {
  try {
    await stopReceiving();
    await http?.close();
  } finally {
    // Finishes updates in flight, sends what the outbox holds for a bounded time, closes the database.
    await program.close(DRAIN_MS);
  }
}

function waitForSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
