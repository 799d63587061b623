import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionStore } from '../../src/app/ports.ts';
import { ConsoleChat, ConsoleOutput, type SentMessage } from '../../src/channels/console/console-chat.ts';
import { EXAMPLE_BLOC_FILE } from '../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import type { Role } from '../../src/domain/roles.ts';
import { parseConfig } from '../../src/config/env.ts';
import { openProgram, type Program } from '../../src/main.ts';

/**
 * A whole program for flow tests: a real SQLite file in a temp folder, the shipped example bloc, the
 * real engine and outbox, a settable clock, and console chats as the people. Tests assert reply keys
 * and params (`SentMessage.reply`), not wording.
 */
export interface Harness {
  program: Program;
  /** Everything the bot sent to console chats, by chat; images and documents are written to `filesDir`. */
  output: ConsoleOutput;
  filesDir: string;
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
  /** Someone who has not registered, in a private chat or in the group `chat` names. */
  stranger(userId?: string, chat?: { chatId: string; chatType: 'private' | 'group' }): ConsoleChat;
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
  wrapSessions?: (store: SessionStore) => SessionStore;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'thidua-flow-'));
  const bloc = options.bloc ?? (await exampleBloc());
  const clock = { now: options.now ?? new Date('2023-06-12T03:00:00Z') };
  const config = parseConfig({
    SQLITE_PATH: join(dir, 'thidua.sqlite'),
    DATABASE_URL: options.databaseUrl,
    SESSION_STORE_URL: options.sessionStoreUrl,
  });
  const output = new ConsoleOutput(undefined, { filesDir: join(dir, 'exports') });
  const program = await openProgram({
    config,
    blocs: [bloc],
    logLevel: 'silent',
    console: output,
    clock: { now: () => clock.now },
    wrapSessions: options.wrapSessions,
  });
  let counter = 0;
  const chatFor = (userId: string, name: string, chatId: string, chatType: 'private' | 'group') =>
    new ConsoleChat(
      program.engine,
      program.dispatcher,
      output,
      { userId, displayName: name, chatId, chatType },
      () => clock.now,
    );
  return {
    program,
    output,
    filesDir: join(dir, 'exports'),
    bloc,
    clock,
    async person({ role = 'focal', unitId, userId, name, chatId, chatType = 'private' }) {
      counter += 1;
      const id = userId ?? `u${counter}`;
      await program.repos.registrations.bind({
        channel: 'console',
        userId: id,
        blocId: bloc.id,
        role,
        unitId: role === 'focal' ? (unitId ?? 'si-ma-cai') : unitId,
        at: clock.now,
      });
      // A private chat's id is the person's id (app/private-chat.ts), so notices to them land here.
      return chatFor(id, name ?? `Người ${counter}`, chatId ?? id, chatType);
    },
    stranger(userId, chat) {
      counter += 1;
      const id = userId ?? `s${counter}`;
      return chatFor(id, `Khách ${counter}`, chat?.chatId ?? id, chat?.chatType ?? 'private');
    },
    async close() {
      await program.close(100);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The keys of what the bot sent, in order: the thing most flow tests assert. */
export function keys(messages: readonly SentMessage[]): string[] {
  return messages.map((m) => m.reply.key);
}
