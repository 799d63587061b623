/** Who a person is to the bot, once registered through an invite code. */
export type Role = 'focal' | 'leader' | 'secretariat';

/** Admins come from the environment (`ADMIN_*_IDS`), not from an invite. */
export type Actor = Role | 'admin' | 'stranger';

export const ROLES: readonly Role[] = ['focal', 'leader', 'secretariat'];

/** Whether a role must be bound to a member unit (a focal point reports for exactly one). */
export function roleNeedsUnit(role: Role): boolean {
  return role === 'focal';
}
