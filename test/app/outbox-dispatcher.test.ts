import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../src/app/delivery.ts';
import type { LocaleKey, Reply } from '../../src/app/messages.ts';
import { OutboxDispatcher } from '../../src/app/outbox-dispatcher.ts';
import { toPayload } from '../../src/app/outbox-payload.ts';
import type { AskedQuestion } from '../../src/app/ports.ts';
import { createHarness, type Harness } from '../support/flow-harness.ts';

describe('outbox dispatcher', () => {
  let h: Harness;
  const sent: string[] = [];
  let failures = 0;
  /** Questions the person has moved past (the test decides; the engine's session does in the program). */
  const answered = new Set<string>();
  let dispatcher: OutboxDispatcher;

  beforeEach(async () => {
    h = await createHarness();
    sent.length = 0;
    failures = 0;
    answered.clear();
    const telegram = {
      send(chatId: string, r: Reply): Promise<SendOutcome> {
        if (r.key === 'engine.cancelled' && failures-- > 0)
          return Promise.resolve({ ok: false, permanent: false, error: '502', retryAfterMs: 1 });
        sent.push(`${chatId}:${r.key}`);
        return Promise.resolve({ ok: true });
      },
    };
    const clock = { now: () => h.clock.now };
    dispatcher = new OutboxDispatcher(
      h.program.repos.outbox,
      { telegram: { sender: telegram } },
      clock,
      pino({ level: 'silent' }),
      {},
      { movedPast: (q) => Promise.resolve(answered.has(`${q.sessionKey}#${q.seq}`)) },
    );
  });
  afterEach(async () => {
    await h.close();
  });

  async function enqueue(chatId: string, keys: LocaleKey[], question?: AskedQuestion) {
    await h.program.repos.outbox.enqueue(
      keys.map((k, i) => ({
        channel: 'telegram',
        chatId,
        payload: toPayload({ key: k }, 'vi'),
        createdAt: h.clock.now,
        ...(question && i === keys.length - 1 ? { question } : {}),
      })),
    );
  }

  it("keeps a chat's replies in order when the first must be retried, without holding up other chats", async () => {
    failures = 1;
    await enqueue('1', ['engine.cancelled', 'engine.hint']);
    await enqueue('2', ['engine.staleButton']);
    await dispatcher.flush();
    expect(sent).toEqual(['2:engine.staleButton']);
    h.clock.now = new Date(h.clock.now.getTime() + 10);
    await dispatcher.flush();
    expect(sent).toEqual(['2:engine.staleButton', '1:engine.cancelled', '1:engine.hint']);
  });

  it('leaves rows of channels it cannot send for the process that can', async () => {
    await h.program.repos.outbox.enqueue([
      { channel: 'zalo', chatId: 'z', payload: toPayload({ key: 'engine.hint' }, 'vi'), createdAt: h.clock.now },
    ]);
    await dispatcher.flush();
    expect(await h.program.repos.outbox.pending(h.clock.now)).toBe(1);
  });

  it('after a takeover, drops a question the person has moved past and still sends one they have not', async () => {
    const asked = { sessionKey: 'telegram:1:1', seq: 4 };
    await enqueue('1', ['report.atFirst', 'engine.pickNumber' as LocaleKey], asked);
    await enqueue('2', ['engine.hint'], { sessionKey: 'telegram:2:2', seq: 7 });
    // A crashed run had claimed every row (and may have sent them): the next run claims them again.
    await h.program.repos.outbox.claim('dead-run', 10, 60_000, h.clock.now, ['telegram']);
    await h.program.repos.outbox.releaseClaims(['telegram'], h.clock.now);
    answered.add('telegram:1:1#4');
    await dispatcher.flush();
    // The echo before the question goes (sending twice is allowed); the answered question does not.
    expect(sent).toEqual(['1:report.atFirst', '2:engine.hint']);
    expect(await h.program.repos.outbox.pending(h.clock.now)).toBe(0);
  });

  it('a question claimed once is sent without asking whether it was answered', async () => {
    answered.add('telegram:1:1#4');
    await enqueue('1', ['engine.hint'], { sessionKey: 'telegram:1:1', seq: 4 });
    await dispatcher.flush();
    expect(sent).toEqual(['1:engine.hint']);
  });
});
