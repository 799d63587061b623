import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { OutboxDispatcher, type ChannelDelivery, type DispatcherOptions } from './app/outbox-dispatcher.ts';
import { SendLimiter } from './app/send-limiter.ts';
import { recipientRefused, reminderStillWanted } from './app/use-cases/delivery-refusal.ts';
import type { Clock, Repositories, SessionStore } from './app/ports.ts';
import { blocDirectory, type AppServices } from './app/services.ts';
import type { ConsoleOutput } from './channels/console/console-chat.ts';
import { connectTelegram, connectFailure, type TelegramConnection } from './channels/telegram/telegram-channel.ts';
import type { Config, SendRates } from './config/env.ts';
import type { Bloc } from './domain/bloc.ts';
import { ConversationEngine, questionMovedPast } from './flows/engine/engine.ts';
import { FLOWS } from './flows/index.ts';
import { renderLabel } from './i18n/render.ts';
import { t } from './i18n/i18n.ts';
import { createHttpServer, type HttpServer } from './channels/http-server.ts';
import { runAutomaticPosts } from './jobs/automatic-posts.ts';
import { runMaintenance } from './jobs/maintenance.ts';
import { startScheduler, type ScheduledJob } from './jobs/scheduler.ts';
import { createLogger } from './logging/logger.ts';
import { createReportRendering } from './reports/rendering.ts';
import { createRepositories } from './storage/create-repositories.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { migrate } from './storage/migrations/index.ts';
import { recordCounts } from './storage/record-counts.ts';
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
  /** How many people and reports the database holds, of any bloc (`thidua demo` refuses a used one). */
  recordCounts(): Promise<{ registrations: number; submissions: number }>;
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

/** Why a program could not be built: a channel refused or could not be reached (said, not thrown raw). */
export class ChannelConnectError extends Error {
  constructor(
    readonly channel: 'telegram' | 'zalo',
    readonly reason: 'tokenRefused' | 'unreachable',
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
    const clock = options.clock ?? systemClock;
    const sessionKeyv = createSessionKeyv({ url: config.sessionStoreUrl, database, now: () => clock.now() });
    const telegram = options.connect && config.telegram ? await connect(config.telegram, log) : undefined;
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
      rendering: createReportRendering(),
      labelText: renderLabel,
    };
    const channels: Partial<Record<string, ChannelDelivery>> = {
      ...(telegram && config.telegram
        ? { telegram: { sender: telegram.sender, limiter: limiterFor(config.telegram.rates) } }
        : {}),
      ...(options.console ? { console: { sender: options.console.sender } } : {}),
    };
    const dispatcher = new OutboxDispatcher(repos.outbox, channels, clock, log, options.dispatcher, {
      movedPast: (question, now) => questionMovedPast(sessions, question, now),
      stillWanted: (reminder) => reminderStillWanted(repos, reminder),
      refused: (row, error, at) => recipientRefused(repos, services.blocs, row, error, at),
    });
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
      recordCounts: () => recordCounts(database.db),
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

/** A channel's limiter from its configured rates (design.md, "Outbound"). */
function limiterFor(rates: SendRates): SendLimiter {
  return new SendLimiter({
    limits: {
      globalPerSecond: rates.perSecond,
      perChatGapMs: rates.perChatMs,
      ...(rates.perGroupPerMinute === undefined ? {} : { perGroupPerMinute: rates.perGroupPerMinute }),
    },
  });
}

async function connect(telegram: NonNullable<Config['telegram']>, log: Logger): Promise<TelegramConnection> {
  try {
    return await connectTelegram({ token: telegram.token, apiRoot: telegram.apiRoot, log });
  } catch (error) {
    throw new ChannelConnectError('telegram', connectFailure(error), { cause: error });
  }
}

/** Webhook mode needs a port; PORT unset there means this one. */
const DEFAULT_WEBHOOK_PORT = 8080;
/** At shutdown, how long the outbox may keep sending what it holds. */
const DRAIN_MS = 10_000;

/**
 * `npm start` with a channel token: builds the program with its channels connected, then runs it.
 * A token Telegram refuses and a Telegram that cannot be reached are told apart (they need different
 * fixes); both exit 1.
 */
export async function startBot(options: Omit<ProgramOptions, 'connect'>): Promise<number> {
  let program: Program;
  try {
    program = await openProgram({ ...options, connect: true });
  } catch (error) {
    if (!(error instanceof ChannelConnectError)) throw error;
    const key = error.reason === 'tokenRefused' ? 'cli.telegramTokenRefused' : 'cli.telegramUnreachable';
    console.error(t(key));
    createLogger({ level: 'error', secrets: secretsOf(options.config) }).error(
      { err: error.cause, channel: error.channel, reason: error.reason },
      error.reason === 'tokenRefused' ? 'the Telegram Bot API refused the token' : 'cannot reach the Telegram Bot API',
    );
    return 1;
  }
  return runBot(program);
}

/**
 * Runs the bot until SIGINT/SIGTERM: stop taking updates, finish those in flight, send what the
 * outbox holds for a bounded time, close the database, exit 0. Exit 1 when no channel is configured
 * or a channel stops receiving for good (another process polling the same token).
 */
export async function runBot(program: Program): Promise<number> {
  const { config, log, telegram, engine, dispatcher, repos } = program;
  log.info({ blocs: program.blocs.map((b) => b.id) }, 'blocs loaded');
  if (!telegram || !config.telegram) {
    log.error({}, 'no channel adapter for this configuration');
    await program.close(0);
    return 1;
  }
  let fatal: () => void = () => {};
  const failed = new Promise<'fatal'>((resolve) => (fatal = () => resolve('fatal')));
  const receiver = telegram.receive({
    engine,
    webhook: config.telegram.webhook,
    commands: engine.available,
    onFatal: fatal,
  });
  const port = config.port ?? (receiver.webhook ? DEFAULT_WEBHOOK_PORT : undefined);
  const http: HttpServer | undefined = port === undefined ? undefined : createHttpServer(log);
  if (http && receiver.webhook) http.mount(receiver.webhook.path, receiver.webhook.handler);
  const stopped = waitForSignal();
  try {
    if (http && port !== undefined) await http.listen(port);
    await receiver.start();
    if (receiver.mode === 'polling') {
      // Only one process can poll a token (Telegram answers 409 to a second): rows a crashed run
      // had claimed are ours to send now, not after their lease (their chats would wait behind them).
      const freed = await repos.outbox.releaseClaims(['telegram'], new Date());
      if (freed > 0) log.info({ channel: 'telegram', freed }, 'took over messages claimed before a crash');
    }
    dispatcher.start();
  } catch (error) {
    log.error({ err: error, channel: 'telegram' }, 'the bot could not start');
    stopped.dispose();
    await shutdown(program, receiver.stop, http);
    return 1;
  }
  log.info({ channel: 'telegram', username: telegram.username, mode: receiver.mode, port }, 'bot started');
  const zone = program.blocs[0]?.calendar.timezone ?? 'Asia/Ho_Chi_Minh';
  const scheduler = startScheduler(jobsOf(program), zone, log);

  const reason = await Promise.race([stopped.signal, failed]);
  stopped.dispose();
  log.info({ reason }, 'stopping');
  await scheduler.stop();
  await shutdown(program, receiver.stop, http);
  log.info({}, 'stopped');
  return reason === 'fatal' ? 1 : 0;
}

/**
 * The scheduled jobs: every night at 03:15, old update ids, finished outbox rows and expired sessions
 * go; every five minutes, the automatic posts that fell due (standings when a period locks, progress
 * the day after its due date) are queued, each once.
 */
export function jobsOf(program: Program): ScheduledJob[] {
  const { repos, sessionKeyv, services, dispatcher, log } = program;
  const maintenance = {
    processedUpdates: repos.processedUpdates,
    outbox: repos.outbox,
    purgeExpiredSessions: (at: Date) => sessionKeyv.purgeExpired(at),
  };
  const posts = {
    blocs: program.blocs,
    repos,
    rendering: services.rendering,
    kick: () => dispatcher.kick(),
    log: log.child({ job: 'automatic-posts' }),
  };
  return [
    { name: 'maintenance', cron: '15 3 * * *', run: (now: Date) => runMaintenance(maintenance, now) },
    { name: 'automatic-posts', cron: '*/5 * * * *', run: (now: Date) => runAutomaticPosts(posts, now) },
  ];
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
