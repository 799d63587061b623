import type { Inbound } from '../../app/messages.ts';
import type { Who } from '../../app/permissions.ts';
import type { Registration } from '../../app/ports.ts';
import type { AppServices } from '../../app/services.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { Lang } from '../../app/messages.ts';
import type { Actor } from './types.ts';

export interface Whereabouts {
  actor: Actor;
  bloc?: Bloc;
  registration?: Registration;
  inBlocGroup: boolean;
}

/**
 * Who sent the update and which bloc it concerns: the registered group's bloc in a group, otherwise
 * the bloc of the person's most recent binding (an admin with no binding gets the only bloc, when
 * there is exactly one).
 */
export async function resolveWhereabouts(inbound: Inbound, services: AppServices, lang: Lang): Promise<Whereabouts> {
  const { repos } = services;
  const registrations = await repos.registrations.findActive(inbound.channel, inbound.userId);
  const adminIds: readonly string[] =
    inbound.channel === 'telegram' ? services.admins.telegram : inbound.channel === 'zalo' ? services.admins.zalo : [];
  const admin = adminIds.includes(inbound.userId);
  const group =
    inbound.chatType === 'group' ? await repos.groups.findByChat(inbound.channel, inbound.chatId) : undefined;

  const newestFirst = [...registrations].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const blocId = group?.blocId ?? newestFirst[0]?.blocId ?? (admin ? soleBloc(services) : undefined);
  const bloc = blocId ? services.blocs.get(blocId) : undefined;
  const registration = bloc ? newestFirst.find((r) => r.blocId === bloc.id) : undefined;

  const who: Who[] = [];
  for (const r of registrations) if (!bloc || r.blocId === bloc.id) who.push(r.role);
  if (admin) who.push('admin');
  if (who.length === 0) who.push('stranger');

  return {
    actor: {
      channel: inbound.channel,
      userId: inbound.userId,
      displayName: inbound.displayName,
      registrations,
      admin,
      who,
      lang,
    },
    bloc,
    registration,
    inBlocGroup: Boolean(group),
  };
}

function soleBloc(services: AppServices): string | undefined {
  const all = services.blocs.list();
  return all.length === 1 ? all[0]?.id : undefined;
}
