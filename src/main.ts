import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChannelSender } from './app/delivery.ts';
import { messageOf } from './app/messages.ts';
import { OutboxDispatcher, type DispatcherOptions } from './app/outbox-dispatcher.ts';
import type { Clock, Repositories, SessionStore } from './app/ports.ts';
import { blocDirectory, type AppServices } from './app/services.ts';
import { keepArrivedPhoto } from './app/use-cases/keep-photo.ts';
import { oneTimeDocumentLink, publishImage } from './app/use-cases/public-files.ts';
import type { ConsoleOutput } from './channels/console/console-chat.ts';
import { createFileRoute } from './channels/file-route.ts';
import { connectTelegram, connectFailure, type TelegramConnection } from './channels/telegram/telegram-channel.ts';
import { refusalText } from './channels/zalo/errors.ts';
import { ZaloStartupError } from './channels/zalo/startup.ts';
import { connectZalo as connectZaloBot, type ZaloConnection } from './channels/zalo/zalo-channel.ts';
import type { Config } from './config/env.ts';
import type { Bloc } from './domain/bloc.ts';
import { ConversationEngine, questionMovedPast } from './flows/engine/engine.ts';
import { DRAFT_TTL_MS } from './flows/engine/session.ts';
import { FLOWS } from './flows/index.ts';
import { renderLabel, renderMessage } from './i18n/render.ts';
import { t } from './i18n/i18n.ts';
import { createHttpServer, type HttpHandler, type HttpServer } from './channels/http-server.ts';
import { runMaintenance } from './jobs/maintenance.ts';
import { startScheduler, type ScheduledJob } from './jobs/scheduler.ts';
import { createLogger } from './logging/logger.ts';
import { createRepositories } from './storage/create-repositories.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { migrate } from './storage/migrations/index.ts';
import { createSessionKeyv, type SessionKeyv } from './storage/session-store.ts';

/**
 * The composition root (design.md, Layers): the one place that builds the program's real objects,
 * in order, each from what was built before it, none changed afterwards. The `thidua` command
 * (src/cli.ts) calls it; it never calls the CLI.
 */
export interface ProgramOptions {
  config: Config;
  blocs: readonly Bloc[];
  /** Default: the configured LOG_LEVEL. */
  logLevel?: string;
  /** Connect the configured channels (getMe): the bot does, commands that only touch data do not. */
  connect?: boolean;
  /** The console's sending side, when a console chat runs in this process. */
  console?: ConsoleOutput;
  clock?: Clock;
  dispatcher?: DispatcherOptions;
  /** Tests only: wraps the session store (latency for race tests). */
  wrapSessions?: (store: SessionStore) => SessionStore;
}

export interface Program {
  config: Config;
  blocs: readonly Bloc[];
  log: Logger;
  database: Database;
  repos: Repositories;
  sessionKeyv: SessionKeyv;
  services: AppServices;
  engine: ConversationEngine;
  dispatcher: OutboxDispatcher;
  telegram?: TelegramConnection;
  zalo?: ZaloConnection;
  /** Resolves (once) when Zalo refuses the token mid-run, by polling or by a send: runBot stops Zalo. */
  zaloLost: Promise<unknown>;
  /** Stops taking work: finishes updates in flight, sends what the outbox holds for `drainMs`, closes. */
  close(drainMs?: number): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/** Every secret the logs must never show: tokens, webhook secrets, passwords inside database URLs. */
export function secretsOf(config: Config): string[] {
  const passwordOf = (url: string | undefined) => {
    if (!url) return undefined;
    try {
      return decodeURIComponent(new URL(url).password) || undefined;
    } catch {
      return undefined;
    }
  };
  return [
    config.telegram?.token,
    config.telegram?.webhook?.secret,
    config.zalo?.token,
    config.zalo?.webhook?.secret,
    passwordOf(config.databaseUrl),
    passwordOf(config.sessionStoreUrl),
  ].filter((s): s is string => Boolean(s));
}

/**
 * Why a program could not be built: a channel refused the token, could not be reached, or (Zalo) is
 * configured in a way it will refuse. Said, not thrown raw.
 */
export class ChannelConnectError extends Error {
  constructor(
    readonly channel: 'telegram' | 'zalo',
    readonly reason: 'tokenRefused' | 'unreachable' | 'misconfigured',
    options: { cause: unknown },
  ) {
    super(`${channel}: ${reason}`, options);
    this.name = 'ChannelConnectError';
  }
}

export async function openProgram(options: ProgramOptions): Promise<Program> {
  const { config, blocs } = options;
  const log = createLogger({ level: options.logLevel ?? config.logLevel, secrets: secretsOf(config) });
  const database = openDatabase(config.databaseUrl, {
    sqlitePath: config.sqlitePath,
    onIdleError: (error) => log.error({ err: error }, 'database connection failed'),
  });
  try {
    await migrate(database.db);
    const repos = createRepositories(database);
    for (const bloc of blocs) await repos.blocs.upsert({ id: bloc.id, name: bloc.name });
    const sessionKeyv = createSessionKeyv({ url: config.sessionStoreUrl, database });
    const telegram = options.connect && config.telegram ? await connect(config.telegram, log) : undefined;
    const clock = options.clock ?? systemClock;
    const zaloLost = once<unknown>();
    const zalo =
      options.connect && config.zalo
        ? await connectZalo(config, config.zalo, { log, repos, clock, onFatal: zaloLost.fire })
        : undefined;
    const sessions = options.wrapSessions ? options.wrapSessions(sessionKeyv.keyv) : sessionKeyv.keyv;
    const services: AppServices = {
      repos,
      sessions,
      sessionInTransaction: sessionKeyv.transactional,
      blocs: blocDirectory(blocs),
      clock,
      admins: config.admins,
      telegramUsername: telegram?.username,
      randomBytes: (size) => randomBytes(size),
      labelText: renderLabel,
    };
    const senders: Partial<Record<string, ChannelSender>> = {
      ...(telegram ? { telegram: telegram.sender } : {}),
      ...(zalo ? { zalo: zalo.sender } : {}),
      ...(options.console ? { console: options.console.sender } : {}),
    };
    const dispatcher = new OutboxDispatcher(repos.outbox, senders, clock, log, options.dispatcher, (question, now) =>
      questionMovedPast(sessions, question, now),
    );
    const engine = new ConversationEngine(services, FLOWS, log, () => dispatcher.kick());
    return {
      config,
      blocs,
      log,
      database,
      repos,
      sessionKeyv,
      services,
      engine,
      dispatcher,
      telegram,
      zalo,
      zaloLost: zaloLost.promise,
      async close(drainMs = 5000) {
        await engine.idle();
        await dispatcher.drain(drainMs);
        await sessionKeyv.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function connect(telegram: NonNullable<Config['telegram']>, log: Logger): Promise<TelegramConnection> {
  try {
    return await connectTelegram({ token: telegram.token, apiRoot: telegram.apiRoot, log });
  } catch (error) {
    throw new ChannelConnectError('telegram', connectFailure(error), { cause: error });
  }
}

interface ZaloDeps {
  log: Logger;
  repos: Repositories;
  clock: Clock;
  onFatal: (error: unknown) => void;
}

/**
 * The Zalo door: getMe checks the token (a refusal names ZALO_BOT_TOKEN); images and export links go
 * through the files table under PUBLIC_BASE_URL (without it, the text alone, and the export answer
 * says to use Telegram or the CLI); incoming photos are stored at once, for a draft's life. The
 * receiver gets the engine in runBot, like Telegram's.
 */
async function connectZalo(config: Config, zalo: NonNullable<Config['zalo']>, deps: ZaloDeps): Promise<ZaloConnection> {
  const { repos, clock } = deps;
  const base = config.publicBaseUrl;
  try {
    return await connectZaloBot({
      token: zalo.token,
      apiBase: zalo.apiBase,
      webhook: zalo.webhook,
      logger: deps.log,
      publicBaseUrl: base,
      images: base ? { publishImage: (png) => publishImage(repos.files, base, png, clock.now()) } : undefined,
      documentLink: base
        ? async (reply) =>
            reply.document ? oneTimeDocumentLink(repos.files, base, reply.document, clock.now()) : undefined
        : undefined,
      photos: { store: (photo) => keepArrivedPhoto(repos.files, photo, clock.now(), DRAFT_TTL_MS) },
      onFatal: deps.onFatal,
    });
  } catch (error) {
    if (!(error instanceof ZaloStartupError)) throw error;
    const reason =
      error.key === 'zalo.badToken'
        ? 'tokenRefused'
        : error.key === 'zalo.apiUnreachable'
          ? 'unreachable'
          : 'misconfigured';
    throw new ChannelConnectError('zalo', reason, { cause: error });
  }
}

/** A promise resolved by the first `fire` (later calls do nothing): the sender reports every refusal. */
function once<T>(): { promise: Promise<T>; fire(value: T): void } {
  let fire: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => (fire = resolve));
  return { promise, fire: (value) => fire(value) };
}

/** Webhook mode needs a port; PORT unset there means this one. */
const DEFAULT_WEBHOOK_PORT = 8080;
/** At shutdown, how long the outbox may keep sending what it holds. */
const DRAIN_MS = 10_000;

/**
 * `npm start` with a channel token: builds the program with its channels connected, then runs it.
 * A refused token and an API that cannot be reached are told apart (they need different fixes), on
 * Telegram and on Zalo alike; all exit 1.
 */
export async function startBot(options: Omit<ProgramOptions, 'connect'>): Promise<number> {
  let program: Program;
  try {
    program = await openProgram({ ...options, connect: true });
  } catch (error) {
    if (!(error instanceof ChannelConnectError)) throw error;
    console.error(connectErrorText(error));
    createLogger({ level: 'error', secrets: secretsOf(options.config) }).error(
      { err: error.cause, channel: error.channel, reason: error.reason },
      CONNECT_LOG[error.channel][error.reason],
    );
    return 1;
  }
  return runBot(program);
}

const CONNECT_LOG = {
  telegram: {
    tokenRefused: 'the Telegram Bot API refused the token',
    unreachable: 'cannot reach the Telegram Bot API',
    misconfigured: 'the Telegram channel is misconfigured',
  },
  zalo: {
    tokenRefused: 'the Zalo Bot API refused the token (ZALO_BOT_TOKEN)',
    unreachable: 'cannot reach the Zalo Bot API',
    misconfigured: 'the Zalo channel is misconfigured',
  },
} as const;

/** What the operator reads: Zalo's own startup message (it names the variable to fix), or Telegram's. */
function connectErrorText(error: ChannelConnectError): string {
  if (error.cause instanceof ZaloStartupError)
    return renderMessage(messageOf(error.cause.key, error.cause.params), 'vi');
  return t(error.reason === 'tokenRefused' ? 'cli.telegramTokenRefused' : 'cli.telegramUnreachable');
}

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

/**
 * The scheduled jobs: every night at 03:15, old update ids, finished outbox rows, expired sessions
 * and expired files (served images, export links, photos no nomination took) go.
 */
function jobsOf(program: Program): ScheduledJob[] {
  const { repos, sessionKeyv } = program;
  const maintenance = {
    processedUpdates: repos.processedUpdates,
    outbox: repos.outbox,
    files: repos.files,
    purgeExpiredSessions: (at: Date) => sessionKeyv.purgeExpired(at),
  };
  return [{ name: 'maintenance', cron: '15 3 * * *', run: (now: Date) => runMaintenance(maintenance, now) }];
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
