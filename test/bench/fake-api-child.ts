/**
 * The fake Bot API in a process of its own for the broadcast benchmark, so that the flood limits are
 * counted on a clock the sender's event loop does not hold up (as Telegram's would be).
 * Usage (through `startFakeApiChild`): node --import tsx test/bench/fake-api-child.ts '<options json>'
 * It sends `{ url, token }` once listening, and answers a `'report'` message with what it saw.
 */
import { FakeBotApi, type FakeBotApiOptions } from '../fakes/fake-bot-api.ts';

/** One sendMessage call as the fake answered it. */
export interface CallRecord {
  chat: string;
  at: number;
  limited?: string;
  status?: number;
  fault?: string;
}

export interface FakeReport {
  calls: CallRecord[];
  /** The chat of each message stored, in order. */
  sent: string[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as FakeBotApiOptions;
const api = await FakeBotApi.start(options);
process.on('message', (message) => {
  if (message !== 'report') return;
  const calls = api.callsOf('sendMessage').map((c) => ({
    chat: String(c.params.chat_id),
    at: c.at,
    ...(c.limited ? { limited: c.limited } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
    ...(c.fault ? { fault: c.fault } : {}),
  }));
  const report: FakeReport = { calls, sent: api.sent.map((m) => m.chat_id) };
  process.send?.(report, () => void api.close().then(() => process.exit(0)));
});
// The benchmark went away (finished or killed): so does the fake.
process.on('disconnect', () => process.exit(0));
process.send?.({ url: api.url, token: api.token });
