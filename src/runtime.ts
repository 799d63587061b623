import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChannelSender } from './app/delivery.ts';
import { OutboxDispatcher, type DispatcherOptions } from './app/outbox-dispatcher.ts';
import type { Clock } from './app/ports.ts';
import { blocDirectory, type AppServices } from './app/services.ts';
import type { Bloc } from './domain/bloc.ts';
import { ConversationEngine } from './flows/engine/engine.ts';
import { FLOWS } from './flows/index.ts';
import { createRepositories } from './storage/create-repositories.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { migrate } from './storage/migrations/index.ts';
import { createSessionKeyv, type SessionKeyv } from './storage/session-store.ts';
import { renderLabel } from './i18n/render.ts';

/**
 * Builds the program's real objects from configuration: the database (migrated), the repositories,
 * the session store, the conversation engine and the outbox dispatcher. Used by `main`, the CLI and
 * the tests, so all three run the same wiring.
 */
export interface RuntimeOptions {
  databaseUrl?: string;
  sqlitePath: string;
  sessionStoreUrl?: string;
  blocs: readonly Bloc[];
  admins: AppServices['admins'];
  logger: Logger;
  clock?: Clock;
  telegramUsername?: string;
  dispatcher?: DispatcherOptions;
}

export interface Runtime {
  database: Database;
  sessionKeyv: SessionKeyv;
  services: AppServices;
  engine: ConversationEngine;
  /** Attach the channels' senders before `start()`. */
  senders: Partial<Record<string, ChannelSender>>;
  dispatcher: OutboxDispatcher;
  /** Stops taking work: finishes updates in flight, sends what the outbox holds for `drainMs`, closes. */
  close(drainMs?: number): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const database = openDatabase(options.databaseUrl, {
    sqlitePath: options.sqlitePath,
    onIdleError: (error) => options.logger.error({ err: error }, 'database connection failed'),
  });
  await migrate(database.db);
  const repos = createRepositories(database);
  for (const bloc of options.blocs) await repos.blocs.upsert({ id: bloc.id, name: bloc.name });
  const sessionKeyv = createSessionKeyv({ url: options.sessionStoreUrl, database });
  const clock = options.clock ?? systemClock;
  const services: AppServices = {
    repos,
    sessions: sessionKeyv.keyv,
    sessionInTransaction: sessionKeyv.transactional,
    blocs: blocDirectory(options.blocs),
    clock,
    admins: options.admins,
    telegramUsername: options.telegramUsername,
    randomBytes: (size) => randomBytes(size),
    labelText: renderLabel,
  };
  const senders: Partial<Record<string, ChannelSender>> = {};
  const dispatcher = new OutboxDispatcher(repos.outbox, senders, clock, options.logger, options.dispatcher);
  const engine = new ConversationEngine(services, FLOWS, options.logger, () => dispatcher.kick());
  return {
    database,
    sessionKeyv,
    services,
    engine,
    senders,
    dispatcher,
    async close(drainMs = 5000) {
      await engine.idle();
      await dispatcher.drain(drainMs);
      await sessionKeyv.close();
      await database.close();
    },
  };
}
