import type { Inbound } from '../messages.ts';
import type { Invite, Registration } from '../ports.ts';
import type { AppServices } from '../services.ts';
import { normalizeInviteCode } from '../../domain/invite-code.ts';

export type RegisterResult =
  | { status: 'registered'; invite: Invite; registration: Registration; replaced?: Registration }
  | { status: 'malformed' | 'unknown' | 'expired' | 'used' | 'revoked' | 'blocGone' };

/**
 * Binds the sender to the bloc, role and unit of a single-use invite code. A binding the person
 * already had in that bloc is replaced (kept inactive for history), which is how a focal point moves
 * to another unit: the secretariat sends a new code.
 */
export async function registerWithCode(
  services: AppServices,
  inbound: Inbound,
  typed: string,
): Promise<RegisterResult> {
  const code = normalizeInviteCode(typed);
  if (!code) return { status: 'malformed' };
  const { repos } = services;
  const consumed = await repos.invites.consume(code, inbound.at, { channel: inbound.channel, userId: inbound.userId });
  if (consumed.status !== 'ok') return { status: consumed.status };
  const { invite } = consumed;
  if (!services.blocs.get(invite.blocId)) return { status: 'blocGone' };
  const before = await repos.registrations.findActive(inbound.channel, inbound.userId);
  const replaced = before.find((r) => r.blocId === invite.blocId);
  const registration = await repos.registrations.bind({
    channel: inbound.channel,
    userId: inbound.userId,
    blocId: invite.blocId,
    role: invite.role,
    unitId: invite.unitId,
    inviteCode: invite.code,
    at: inbound.at,
  });
  return { status: 'registered', invite, registration, replaced };
}
