import { msg, type ChannelName } from '../messages.ts';
import { privateChatOf } from '../private-chat.ts';
import { toPayload } from '../outbox-payload.ts';
import type { OutboxRow, ReminderFor, Repositories } from '../ports.ts';
import type { BlocDirectory } from '../services.ts';
import { unitNameOf } from '../../domain/bloc.ts';

/**
 * The platform refused a message to a person for good (they blocked the bot, the chat is gone):
 * their registrations on that channel are flagged unreachable (role and rights unchanged: the flag
 * clears when they write again), and each bloc's secretariat is told once which unit lost its focal
 * point there. Only a private chat names a person; a group's refusal is logged by the dispatcher.
 */
export async function recipientRefused(
  repos: Pick<Repositories, 'unitOfWork' | 'registrations' | 'people' | 'outbox'>,
  blocs: BlocDirectory,
  row: OutboxRow,
  error: string,
  at: Date,
): Promise<void> {
  await repos.unitOfWork.run(async () => {
    const flagged = await repos.registrations.markUnreachable(row.channel, row.chatId, error, at);
    for (const registration of flagged) {
      const person = await repos.people.get(registration.channel, registration.userId);
      const unit = registration.unitId ? unitNameOf(blocs.get(registration.blocId), registration.unitId) : '—';
      const notice = msg('delivery.unreachable', {
        name: person?.displayName ?? registration.userId,
        unit,
        channel: msg(`channels.${channelOf(registration.channel)}`),
      });
      const desk = await repos.registrations.listActive(registration.blocId, { role: 'secretariat' });
      await repos.outbox.enqueue(
        desk.flatMap((d) => {
          const chat = d.unreachableSince ? undefined : privateChatOf(d);
          return chat ? [{ ...chat, payload: toPayload(notice, 'vi'), createdAt: at }] : [];
        }),
      );
    }
  });
}

function channelOf(name: string): ChannelName {
  return name === 'zalo' || name === 'console' ? name : 'telegram';
}

/** A reminder is still wanted while the unit's report for its period is not in. */
export async function reminderStillWanted(
  repos: Pick<Repositories, 'submissions'>,
  reminder: ReminderFor,
): Promise<boolean> {
  const stored = await repos.submissions.find(reminder.blocId, reminder.periodId, reminder.unitId);
  return !(stored?.status === 'submitted' || stored?.status === 'accepted');
}
