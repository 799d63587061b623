import type { Bloc } from '../../domain/bloc.ts';
import { isLang, msg, reply, type ChannelName, type Lang, type Message } from '../messages.ts';
import { toPayload } from '../outbox-payload.ts';
import type { AuditActor, Broadcast, Repositories } from '../ports.ts';
import { privateChatOf } from '../private-chat.ts';

/** One person a broadcast goes to: an active focal point that can be reached, in their private chat. */
export interface BroadcastRecipient {
  unitId: string;
  chat: { channel: ChannelName; chatId: string };
}

/**
 * The active focal points of every unit (or of `unitId`) that the platform has not refused (blocked
 * the bot, chat gone): leaders and the group are not included, they get the digests. One each.
 */
export async function broadcastRecipients(
  repos: Pick<Repositories, 'registrations'>,
  blocId: string,
  unitId: string | undefined,
): Promise<BroadcastRecipient[]> {
  const focal = await repos.registrations.listActive(blocId, { role: 'focal', ...(unitId ? { unitId } : {}) });
  const seen = new Set<string>();
  return focal.flatMap((r) => {
    const chat = r.unitId && !r.unreachableSince ? privateChatOf(r) : undefined;
    if (!r.unitId || !chat || seen.has(`${chat.channel}:${chat.chatId}`)) return [];
    seen.add(`${chat.channel}:${chat.chatId}`);
    return [{ unitId: r.unitId, chat }];
  });
}

/** What each recipient reads: the secretariat's text under a header naming who sent it. */
export function broadcastMessage(broadcast: Pick<Broadcast, 'text' | 'by'>): Message {
  return msg('broadcast.message', { text: broadcast.text, from: broadcast.by.name ?? broadcast.by.userId });
}

export type BroadcastStart =
  | { type: 'sending'; recipients: number }
  /** Confirmed or cancelled before (a second press): nothing is sent again. */
  | { type: 'moved'; status: Broadcast['status'] }
  /** Nobody can be reached any more (bindings ended or refused since the preview). */
  | { type: 'nobody' };

/**
 * Sends a previewed broadcast, inside the update's transaction: the status moves `preview` →
 * `sending` once (a second confirmation finds it moved and sends nothing), then the secretariat's
 * "sending to N…" message and one bulk outbox row per recipient, in their language, are queued.
 * The recipients are counted again: someone may have registered or blocked the bot since.
 */
export async function startBroadcast(
  repos: Pick<Repositories, 'broadcasts' | 'registrations' | 'people' | 'outbox'>,
  broadcastId: number,
  now: Date,
): Promise<BroadcastStart> {
  const broadcast = await repos.broadcasts.get(broadcastId);
  if (!broadcast || broadcast.status !== 'preview') return { type: 'moved', status: broadcast?.status ?? 'done' };
  const recipients = await broadcastRecipients(repos, broadcast.blocId, broadcast.unitId);
  if (recipients.length === 0) {
    await repos.broadcasts.cancel(broadcastId, now);
    return { type: 'nobody' };
  }
  if (!(await repos.broadcasts.confirm(broadcastId, now, recipients.length))) {
    return { type: 'moved', status: (await repos.broadcasts.get(broadcastId))?.status ?? 'done' };
  }
  const sending = reply('broadcast.sending', { count: recipients.length });
  const [progressId] = await repos.outbox.enqueue([
    { ...broadcast.chat, payload: toPayload(sending, broadcast.lang), createdAt: now },
  ]);
  if (progressId !== undefined) await repos.broadcasts.setProgressMessage(broadcastId, progressId);
  const message = broadcastMessage(broadcast);
  const rows = [];
  for (const r of recipients) {
    const lang = await languageOf(repos, r.chat.channel, r.chat.chatId);
    rows.push({
      ...r.chat,
      priority: 'bulk' as const,
      broadcast: { id: broadcastId, unitId: r.unitId },
      payload: toPayload(message, lang),
      createdAt: now,
    });
  }
  await repos.outbox.enqueue(rows);
  return { type: 'sending', recipients: recipients.length };
}

/** A person's chosen language; their private chat's id is their user id (private-chat.ts). */
async function languageOf(repos: Pick<Repositories, 'people'>, channel: string, userId: string): Promise<Lang> {
  const language = (await repos.people.get(channel, userId))?.language;
  return language && isLang(language) ? language : 'vi';
}

/** Stores a broadcast at its preview; the confirmation sends it (`startBroadcast`). */
export function storePreview(
  repos: Pick<Repositories, 'broadcasts'>,
  request: {
    bloc: Bloc;
    by: AuditActor;
    text: string;
    unitId?: string;
    recipients: number;
    chat: { channel: string; chatId: string };
    lang: Lang;
    now: Date;
  },
): Promise<number> {
  const { bloc, now, ...rest } = request;
  return repos.broadcasts.create({ blocId: bloc.id, createdAt: now, ...rest });
}
