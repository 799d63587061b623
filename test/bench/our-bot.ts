import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'telegraf/types';
import type { Inbound } from '../../src/app/messages.ts';
import { EXAMPLE_BLOC_FILE } from '../../src/cli/bloc-source.ts';
import { parseConfig } from '../../src/config/env.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import { openProgram, type Program } from '../../src/main.ts';
import { FakeBotApi } from '../fakes/fake-bot-api.ts';
import type { BenchTarget } from './phases.ts';
import { Recorder } from './recorder.ts';
import { checkOutbox, type OutboxEntry } from './verify.ts';
import { BENCH_NOW, toUpdates, type FocalPoint, type Planned } from './workload.ts';

/** The whole stack: fake Bot API ← telegraf channel (long polling) → engine → SQLite (WAL file). */
export interface OurBot extends BenchTarget {
  runtime: Program;
  updates(planned: readonly Planned[]): Update[];
  /**
   * Forgets every conversation (not measured): `/baocao` then opens a fresh draft at indicator 1
   * instead of resuming the report each chat left at its summary.
   */
  resetConversations(): Promise<void>;
  /** The outbox's highest id now: replies of the next phase come after it. */
  outboxMark(): Promise<number>;
  /** Throws unless the replies after `mark` show every planned message did what it should. */
  verify(planned: readonly Planned[], mark: number): Promise<void>;
  close(): Promise<void>;
}

export async function startOurBot(bloc: Bloc, people: readonly FocalPoint[]): Promise<OurBot> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const api = await FakeBotApi.start({ username: 'thidua_bench_bot' });
  const config = parseConfig({
    SQLITE_PATH: join(dir, 'thidua.sqlite'),
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    BLOC_FILE: EXAMPLE_BLOC_FILE,
  });
  const runtime = await openProgram({
    config,
    blocs: [bloc],
    logLevel: 'warn',
    connect: true,
    clock: { now: () => BENCH_NOW },
  });
  const telegram = runtime.telegram;
  if (!telegram) throw new Error('the bench program has no Telegram connection');
  // The replies stay in the outbox: sending is the dispatcher's business, and its rate limits
  // (per chat, global) would cap what is measured here. `drain(0)` stops it from ever kicking.
  await runtime.dispatcher.drain(0);
  for (const person of people) {
    await runtime.repos.registrations.bind({
      channel: 'telegram',
      userId: String(person.user.id),
      blocId: bloc.id,
      role: 'focal',
      unitId: person.unitId,
      at: BENCH_NOW,
    });
  }

  const recorder = new Recorder();
  // Receipt = the channel hands the update to the engine; done = the engine's commit (the replies
  // are then in the outbox).
  const engine = {
    handle(inbound: Inbound) {
      const id = Number(inbound.updateId);
      recorder.begin(id);
      return runtime.engine.handle(inbound).then(
        (result) => {
          recorder.end(id, result === 'handled');
          return result;
        },
        (error: unknown) => {
          recorder.end(id, false);
          throw error;
        },
      );
    },
  };
  const channel = telegram.receive({ engine, commands: runtime.engine.available });
  await channel.start();

  const { db } = runtime.database;
  return {
    name: 'thidua-bot',
    api,
    recorder,
    runtime,
    updates: (planned) => toUpdates(api.updates, planned),
    async resetConversations() {
      await db.deleteFrom('sessions').execute();
    },
    async outboxMark() {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    async verify(planned, mark) {
      const rows = await db
        .selectFrom('outbox')
        .select(['chat_id', 'payload'])
        .where('id', '>', mark)
        .orderBy('id')
        .execute();
      const entries: OutboxEntry[] = rows.map((r) => {
        const payload = JSON.parse(r.payload) as { reply: { key: string; params?: Record<string, unknown> } };
        return { chatId: r.chat_id, key: payload.reply.key, params: payload.reply.params ?? {} };
      });
      const problems = checkOutbox(bloc, planned, entries);
      if (problems.length > 0)
        throw new Error(`thidua-bot did not do what was asked:\n  ${problems.slice(0, 10).join('\n  ')}`);
    },
    async close() {
      await channel.stop();
      await runtime.close(0);
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
