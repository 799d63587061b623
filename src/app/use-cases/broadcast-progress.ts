import { unitNameOf } from '../../domain/bloc.ts';
import {
  broadcastNews,
  type BroadcastFailure,
  type BroadcastFailureReason,
  type BroadcastNews,
} from '../../domain/broadcast.ts';
import { formatPercent } from '../../domain/figures/format-figure.ts';
import { msg, reply, type Reply } from '../messages.ts';
import { toPayload } from '../outbox-payload.ts';
import type { Broadcast, Log, Repositories } from '../ports.ts';
import type { BlocDirectory } from '../services.ts';

export interface BroadcastProgressDeps {
  repos: Pick<Repositories, 'unitOfWork' | 'broadcasts' | 'outbox' | 'people'>;
  blocs: BlocDirectory;
}

/**
 * Why a recipient's row failed, from the error the sender stored: Telegram's 403 ("bot was blocked
 * by the user", "user is deactivated", "bot was kicked") is `blocked`, its 400 "chat not found" is
 * `chatNotFound` (channels/telegram/sender.ts classifies the same way); anything else (retries given
 * up, a platform's answer we do not know) is `other`.
 */
export function failureReason(error: string | undefined): BroadcastFailureReason {
  if (error === undefined) return 'other';
  if (/chat not found/i.test(error)) return 'chatNotFound';
  if (/\b403\b|blocked|deactivated|kicked/i.test(error)) return 'blocked';
  return 'other';
}

/**
 * Tells the secretariat how a broadcast goes, when there is news (domain `broadcastNews`): on
 * Telegram the "sending to N…" message is edited (`replaces`), elsewhere a line is added at each
 * quarter; once every row is sent or failed, the summary: delivered, failed, and which units' focal
 * points were not reached and why. What was told is written in the same transaction, each move made
 * once (`markTold`, `finish`), so a restart or a second process never tells it twice.
 */
export async function advanceBroadcast(deps: BroadcastProgressDeps, id: number, now: Date): Promise<BroadcastNews> {
  const { broadcasts, outbox } = deps.repos;
  return deps.repos.unitOfWork.run(async () => {
    const broadcast = await broadcasts.get(id);
    if (!broadcast || broadcast.status !== 'sending') return 'none';
    const tally = await broadcasts.tally(id);
    const total = tally.delivered + tally.failed + tally.pending;
    const settled = tally.delivered + tally.failed;
    const cadence = broadcast.chat.channel === 'telegram' ? 'edit' : 'quarters';
    const told = broadcast.progressSettled;
    const toldAt = broadcast.progressAt ?? broadcast.confirmedAt;
    const news = broadcastNews({ recipients: total, settled, told, toldAt }, cadence, now);
    let answer: Reply;
    if (news === 'none') return news;
    if (news === 'progress') {
      if (!(await broadcasts.markTold(id, told, settled, now))) return 'none';
      const percent = formatPercent((100 * settled) / total);
      const replaces = broadcast.progressOutboxId === undefined ? {} : { replaces: broadcast.progressOutboxId };
      answer = reply('broadcast.progress', { settled, total, percent }, replaces);
    } else {
      const failures = (await broadcasts.failedRows(id)).map((r): BroadcastFailure => ({
        unitId: r.unitId,
        channel: r.channel,
        chatId: r.chatId,
        reason: failureReason(r.error),
      }));
      const result = { delivered: tally.delivered, failed: tally.failed, failures };
      if (!(await broadcasts.finish(id, now, result))) return 'none';
      answer = await summary(deps, broadcast, result);
    }
    await outbox.enqueue([{ ...broadcast.chat, payload: toPayload(answer, broadcast.lang), createdAt: now }]);
    return news;
  });
}

/** "Sent: 2 received it, 1 did not: Huyện Bắc Hà — Lan: blocked the bot." */
async function summary(
  deps: BroadcastProgressDeps,
  broadcast: Broadcast,
  result: { delivered: number; failed: number; failures: BroadcastFailure[] },
): Promise<Reply> {
  const { delivered, failed } = result;
  if (result.failures.length === 0) return reply('broadcast.doneAll', { delivered });
  const bloc = deps.blocs.get(broadcast.blocId);
  const lines = [];
  for (const f of result.failures) {
    // A private chat's id is the person's user id (private-chat.ts).
    const person = await deps.repos.people.get(f.channel, f.chatId);
    lines.push(
      msg('broadcast.failedLine', {
        unit: unitNameOf(bloc, f.unitId),
        name: person?.displayName ?? f.chatId,
        reason: msg(`broadcast.reason.${f.reason}`),
      }),
    );
  }
  return reply('broadcast.doneSome', { delivered, failed, failures: lines });
}

/**
 * Runs `advanceBroadcast` once at a time per broadcast in this process: the rows of one broadcast
 * settle many at once, and each would count the same rows. A call while one runs makes it run once
 * more, and waits for that. Another process is kept off by the moves made once in storage.
 */
export class BroadcastProgress {
  private readonly running = new Map<number, { again: boolean; done: Promise<void> }>();

  constructor(
    private readonly deps: BroadcastProgressDeps,
    private readonly now: () => Date,
    private readonly log: Log,
  ) {}

  /** A row of broadcast `id` was sent, failed or put back for a retry. */
  settled(id: number): Promise<void> {
    const current = this.running.get(id);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await advanceBroadcast(this.deps, id, this.now());
        } while (entry.again);
      } catch (error) {
        this.log.error({ err: error, broadcastId: id }, 'broadcast progress failed');
      } finally {
        this.running.delete(id);
      }
    })();
    this.running.set(id, entry);
    return entry.done;
  }

  /**
   * Every broadcast still sending, looked at again: after a restart, or when its last row settled
   * in a process that stopped before it told the secretariat. Returns how many were looked at.
   */
  async resume(): Promise<number> {
    const ids = await this.deps.repos.broadcasts.sending();
    for (const id of ids) await this.settled(id);
    return ids.length;
  }
}
