import { isLang, type Lang } from '../app/messages.ts';
import type { Registration, Repositories } from '../app/ports.ts';
import { privateChatOf } from '../app/private-chat.ts';
import type { Role } from '../domain/roles.ts';

/** A chat a job writes to, and the language to write in. */
export interface Reader {
  channel: string;
  chatId: string;
  lang: Lang;
}

type ReaderRepos = Pick<Repositories, 'groups' | 'registrations' | 'people'>;

/**
 * The private chats of a bloc's active, reachable people of one role, one per person (a person
 * bound twice is written to once), each in their language.
 */
export async function privateReaders(repos: ReaderRepos, blocId: string, role: Role): Promise<Reader[]> {
  const seen = new Set<string>();
  const out: Reader[] = [];
  for (const r of await repos.registrations.listActive(blocId, { role })) {
    const chat = reachableChat(r);
    if (!chat || seen.has(`${chat.channel}:${chat.chatId}`)) continue;
    seen.add(`${chat.channel}:${chat.chatId}`);
    const person = await repos.people.get(r.channel, r.userId);
    out.push({ ...chat, lang: person?.language && isLang(person.language) ? person.language : 'vi' });
  }
  return out;
}

function reachableChat(r: Registration) {
  return r.unreachableSince ? undefined : privateChatOf(r);
}

/**
 * Who reads what is meant for a bloc's leaders (standings posts, digests of late units): its
 * registered leaders' group(s), in Vietnamese; with no group, each leader privately.
 */
export async function leaderReaders(repos: ReaderRepos, blocId: string): Promise<Reader[]> {
  const groups = await repos.groups.listForBloc(blocId);
  if (groups.length > 0) return groups.map((g) => ({ channel: g.channel, chatId: g.chatId, lang: 'vi' }));
  return privateReaders(repos, blocId, 'leader');
}
