import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { messageOf } from './app/messages.ts';
import { OutboxDispatcher, type ChannelDelivery, type DispatcherOptions } from './app/outbox-dispatcher.ts';
import { BroadcastProgress } from './app/use-cases/broadcast-progress.ts';
import { recipientRefused, reminderStillWanted } from './app/use-cases/delivery-refusal.ts';
import type { Clock, Repositories, SessionStore } from './app/ports.ts';
import { blocDirectory, type AppServices } from './app/services.ts';
import type { ConsoleOutput } from './channels/console/console-chat.ts';
import type { TelegramConnection } from './channels/telegram/telegram-channel.ts';
import { ZaloStartupError } from './channels/zalo/startup.ts';
import type { ZaloConnection } from './channels/zalo/zalo-channel.ts';
import type { Config } from './config/env.ts';
import type { Bloc } from './domain/bloc.ts';
import { ConversationEngine, questionMovedPast } from './flows/engine/engine.ts';
import { FLOWS } from './flows/index.ts';
import { renderLabel, renderMessage } from './i18n/render.ts';
import { t } from './i18n/i18n.ts';
import { createLogger } from './logging/logger.ts';
import { ChannelConnectError, connectTelegramChannel, connectZaloChannel, limiterFor, once } from './main/connect.ts';
import { runBot } from './main/run-bot.ts';
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
  /** Tells the secretariat how its broadcasts go (after each row; the jobs pick it up after a restart). */
  broadcastProgress: BroadcastProgress;
  telegram?: TelegramConnection;
  zalo?: ZaloConnection;
  /** Resolves (once) when Zalo refuses the token mid-run, by polling or by a send: runBot stops Zalo. */
  zaloLost: Promise<unknown>;
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
    const telegram =
      options.connect && config.telegram ? await connectTelegramChannel(config.telegram, log) : undefined;
    const zaloLost = once<unknown>();
    const zalo =
      options.connect && config.zalo
        ? await connectZaloChannel(config, config.zalo, { log, repos, clock, onFatal: zaloLost.fire })
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
      rendering: createReportRendering(),
      labelText: renderLabel,
    };
    const channels: Partial<Record<string, ChannelDelivery>> = {
      ...(telegram && config.telegram
        ? { telegram: { sender: telegram.sender, limiter: limiterFor(config.telegram.rates) } }
        : {}),
      ...(zalo && config.zalo ? { zalo: { sender: zalo.sender, limiter: limiterFor(config.zalo.rates) } } : {}),
      ...(options.console ? { console: { sender: options.console.sender } } : {}),
    };
    const broadcastProgress = new BroadcastProgress(
      { repos, blocs: services.blocs },
      () => clock.now(),
      log.child({ part: 'broadcast-progress' }),
    );
    const dispatcher = new OutboxDispatcher(repos.outbox, channels, clock, log, options.dispatcher, {
      movedPast: (question, now) => questionMovedPast(sessions, question, now),
      stillWanted: (reminder) => reminderStillWanted(repos, reminder),
      refused: (row, error, at) => recipientRefused(repos, services.blocs, row, error, at),
      broadcastRowSettled: (id) => broadcastProgress.settled(id),
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
      broadcastProgress,
      telegram,
      zalo,
      zaloLost: zaloLost.promise,
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

export { ChannelConnectError } from './main/connect.ts';
export { runBot };
export { jobsOf } from './main/jobs.ts';

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
