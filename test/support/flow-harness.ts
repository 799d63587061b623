import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConsoleChat, type SentMessage } from '../../src/channels/console/console-chat.ts';
import { EXAMPLE_BLOC_FILE } from '../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { Role } from '../../src/domain/roles.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';

/**
 * A whole program for flow tests: a real SQLite file in a temp folder, the shipped example bloc, the
 * real engine and outbox, a settable clock, and console chats as the people. Tests assert reply keys
 * and params (`SentMessage.reply`), not wording.
 */
export interface Harness {
  runtime: Runtime;
  bloc: Bloc;
  /** The instant every update is stamped with; move it to test deadlines. */
  clock: { now: Date };
  /** A person bound to a role (and unit) directly, as the console does. */
  person(options: {
    role?: Role;
    unitId?: string;
    userId?: string;
    name?: string;
    chatId?: string;
    chatType?: 'private' | 'group';
  }): Promise<ConsoleChat>;
  /** Someone who has not registered. */
  stranger(userId?: string): ConsoleChat;
  close(): Promise<void>;
}

let loaded: Bloc | undefined;
/** The shipped example bloc, loaded once per test file. */
export async function exampleBloc(): Promise<Bloc> {
  if (!loaded) {
    const { blocs, errors } = await loadBlocs(EXAMPLE_BLOC_FILE);
    if (errors.length > 0 || !blocs[0]) throw new Error(`example bloc does not load: ${JSON.stringify(errors)}`);
    loaded = blocs[0];
  }
  return loaded;
}

export interface HarnessOptions {
  now?: Date;
  sessionStoreUrl?: string;
  databaseUrl?: string;
  /** Reuse this folder's SQLite file (a restart); the caller removes it. */
  dir?: string;
  /** Another bloc than the shipped example (e.g. one with several years of members). */
  bloc?: Bloc;
  /** Wraps the session store, e.g. to add latency in race tests. */
  wrapSessions?: (store: Runtime['services']['sessions']) => Runtime['services']['sessions'];
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'thidua-flow-'));
  const bloc = options.bloc ?? (await exampleBloc());
  const clock = { now: options.now ?? new Date('2023-06-12T03:00:00Z') };
  const runtime = await createRuntime({
    databaseUrl: options.databaseUrl,
    sqlitePath: join(dir, 'thidua.sqlite'),
    sessionStoreUrl: options.sessionStoreUrl,
    blocs: [bloc],
    admins: { telegram: [], zalo: [] },
    logger: pino({ level: 'silent' }),
    clock: { now: () => clock.now },
  });
  if (options.wrapSessions) runtime.services.sessions = options.wrapSessions(runtime.services.sessions);
  let counter = 0;
  const chatFor = (userId: string, name: string, chatId: string, chatType: 'private' | 'group') => {
    const chat = new ConsoleChat(
      runtime.engine,
      runtime.dispatcher,
      { userId, displayName: name, chatId, chatType },
      () => {},
      () => clock.now,
    );
    // One sender per channel: every console chat of a test shares it, and each chat keeps its own copy.
    const previous = runtime.senders.console;
    runtime.senders.console = {
      async send(target, reply, lang) {
        if (target === chatId || !previous) return chat.sender.send(target, reply, lang);
        return previous.send(target, reply, lang);
      },
    };
    return chat;
  };
  return {
    runtime,
    bloc,
    clock,
    async person({ role = 'focal', unitId, userId, name, chatId, chatType = 'private' }) {
      counter += 1;
      const id = userId ?? `u${counter}`;
      await runtime.services.repos.registrations.bind({
        channel: 'console',
        userId: id,
        blocId: bloc.id,
        role,
        unitId: role === 'focal' ? (unitId ?? 'si-ma-cai') : unitId,
        at: clock.now,
      });
      return chatFor(id, name ?? `Người ${counter}`, chatId ?? `chat-${id}`, chatType);
    },
    stranger(userId) {
      counter += 1;
      const id = userId ?? `s${counter}`;
      return chatFor(id, `Khách ${counter}`, `chat-${id}`, 'private');
    },
    async close() {
      await runtime.close(100);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The keys of what the bot sent, in order: the thing most flow tests assert. */
export function keys(messages: readonly SentMessage[]): string[] {
  return messages.map((m) => m.reply.key);
}
