import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../src/app/delivery.ts';
import { reply, type LocaleKey, type Reply } from '../../src/app/messages.ts';
import { toPayload } from '../../src/app/outbox-payload.ts';
import { createHarness, type Harness } from '../support/flow-harness.ts';

describe('outbox dispatcher', () => {
  let h: Harness;
  const sent: string[] = [];
  let failures = 0;
  beforeEach(async () => {
    h = await createHarness();
    sent.length = 0;
    failures = 0;
    h.runtime.senders.telegram = {
      send(chatId: string, r: Reply): Promise<SendOutcome> {
        if (r.key === 'engine.cancelled' && failures-- > 0)
          return Promise.resolve({ ok: false, permanent: false, error: '502', retryAfterMs: 1 });
        sent.push(`${chatId}:${r.key}`);
        return Promise.resolve({ ok: true });
      },
    };
  });
  afterEach(async () => {
    await h.close();
  });

  async function enqueue(chatId: string, ...keys: LocaleKey[]) {
    await h.runtime.services.repos.outbox.enqueue(
      keys.map((k) => ({ channel: 'telegram', chatId, payload: toPayload({ key: k }, 'vi'), createdAt: h.clock.now })),
    );
  }

  it("keeps a chat's replies in order when the first must be retried, without holding up other chats", async () => {
    failures = 1;
    await enqueue('1', 'engine.cancelled', 'engine.hint');
    await enqueue('2', 'engine.staleButton');
    await h.runtime.dispatcher.sendBatch();
    expect(sent).toEqual(['2:engine.staleButton']);
    h.clock.now = new Date(h.clock.now.getTime() + 10);
    await h.runtime.dispatcher.flush();
    expect(sent).toEqual(['2:engine.staleButton', '1:engine.cancelled', '1:engine.hint']);
  });

  it('leaves rows of channels it cannot send for the process that can', async () => {
    await h.runtime.services.repos.outbox.enqueue([
      { channel: 'zalo', chatId: 'z', payload: toPayload(reply('engine.hint'), 'vi'), createdAt: h.clock.now },
    ]);
    await h.runtime.dispatcher.flush();
    expect(await h.runtime.services.repos.outbox.pending(h.clock.now)).toBe(1);
  });
});
