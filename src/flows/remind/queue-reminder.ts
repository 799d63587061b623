import { isLang, type ChannelName, type Reply } from '../../app/messages.ts';
import { toPayload } from '../../app/outbox-payload.ts';
import type { ReminderKey, Registration, Repositories } from '../../app/ports.ts';
import { privateChatOf } from '../../app/private-chat.ts';

/** Who a unit's reminder can go to now: its active focal points, less those the platform refused. */
export interface UnitReach {
  reachable: Registration[];
  /** Active focal points flagged unreachable (they blocked the bot): counted, not messaged. */
  unreachable: number;
}

export async function reachOf(
  repos: Pick<Repositories, 'registrations'>,
  blocId: string,
  unitId: string,
): Promise<UnitReach> {
  const focal = await repos.registrations.listActive(blocId, { role: 'focal', unitId });
  const reachable = focal.filter((r) => !r.unreachableSince && privateChatOf(r));
  return { reachable, unreachable: focal.length - reachable.length };
}

export type QueuedReminder = { type: 'queued'; people: number } | { type: 'taken' } | { type: 'nobody' };

/**
 * Queues one reminder to a unit's reachable focal points, exactly once: the claim and the outbox
 * rows are written in one transaction (joined if the caller holds one), so of two runs or two
 * processes one queues it and the other finds the claim taken. Nobody to reach: nothing is claimed,
 * so a focal point who registers later that day still gets it. The rows are bulk (a person chatting
 * goes first), carry the unit and period (the sender drops them once the report is in), and expire
 * at `expiresAt`: a reminder not sent by then is dropped, never sent late in a burst.
 */
export async function queueReminder(
  repos: Pick<Repositories, 'unitOfWork' | 'registrations' | 'people' | 'outbox' | 'reminderClaims'>,
  key: ReminderKey,
  expiresAt: Date,
  replyOn: (channel: ChannelName) => Reply,
  now: Date,
): Promise<QueuedReminder> {
  const { reachable } = await reachOf(repos, key.blocId, key.unitId);
  if (reachable.length === 0) return { type: 'nobody' };
  return repos.unitOfWork.run(async () => {
    if (!(await repos.reminderClaims.claim(key, now))) return { type: 'taken' };
    const rows = [];
    for (const registration of reachable) {
      const chat = privateChatOf(registration);
      if (!chat) continue;
      const person = await repos.people.get(registration.channel, registration.userId);
      const lang = person?.language && isLang(person.language) ? person.language : 'vi';
      rows.push({
        ...chat,
        payload: toPayload(replyOn(chat.channel), lang),
        priority: 'bulk' as const,
        reminder: { blocId: key.blocId, periodId: key.periodId, unitId: key.unitId },
        createdAt: now,
        expiresAt,
      });
    }
    await repos.outbox.enqueue(rows);
    return { type: 'queued', people: rows.length };
  });
}
