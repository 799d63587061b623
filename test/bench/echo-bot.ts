import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { FakeBotApi } from '../fakes/fake-bot-api.ts';
import type { BenchTarget } from './phases.ts';
import { Recorder } from './recorder.ts';
import { toUpdates, type Planned } from './workload.ts';

/** The fake serves one token: the echo bot gets its own instance of the same fake. */
const ECHO_TOKEN = '7000000001:AAHechoBotForBenchmarksOnly_abcdefghij';

export interface EchoBot extends BenchTarget {
  updates(planned: readonly Planned[]): Update[];
  /** Throws unless each update since `mark` sent messages was echoed, in order per chat. */
  verify(updates: readonly Update[], mark: number): void;
  close(): Promise<void>;
}

/**
 * The yardstick: a bare telegraf bot that answers each text with the same text, polling the same
 * kind of fake. Receipt = its middleware runs; done = `ctx.reply` resolved (the fake stored it).
 */
export async function startEchoBot(): Promise<EchoBot> {
  const api = await FakeBotApi.start({ token: ECHO_TOKEN, username: 'echo_bench_bot' });
  const recorder = new Recorder();
  const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
  bot.on('text', async (ctx) => {
    const id = ctx.update.update_id;
    recorder.begin(id);
    try {
      await ctx.reply(ctx.message.text);
      recorder.end(id, true);
    } catch {
      recorder.end(id, false);
    }
  });
  let launched: Promise<void> | undefined;
  await new Promise<void>((resolve, reject) => {
    launched = bot.launch({ allowedUpdates: ['message'] }, resolve).catch(reject);
  });

  return {
    name: 'telegraf echo',
    api,
    recorder,
    updates: (planned) => toUpdates(api.updates, planned),
    verify(updates, mark) {
      const sent = api.sent.slice(mark);
      const want = updates.map((u) =>
        'message' in u && 'text' in u.message ? `${u.message.chat.id}:${u.message.text}` : '',
      );
      const got = sent.map((m) => `${m.chat_id}:${m.text ?? ''}`);
      const byChat = (list: string[]) => [...list].sort().join('\n');
      if (got.length !== want.length || byChat(got) !== byChat(want)) {
        throw new Error(`telegraf echo: ${got.length} replies for ${want.length} updates, or not the texts sent`);
      }
    },
    async close() {
      bot.stop('bench done');
      await launched;
      await api.close();
    },
  };
}
