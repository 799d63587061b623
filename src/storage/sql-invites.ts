import type { Kysely, Selectable } from 'kysely';
import type { Invite, Invites } from '../app/ports.ts';
import type { Role } from '../domain/roles.ts';
import { actorColumns, iso, opt, optDate, toActor, toDate } from './codec.ts';
import type { DatabaseSchema, InvitesTable } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

function toInvite(row: Selectable<InvitesTable>): Invite {
  const invite: Invite = {
    code: row.code,
    blocId: row.bloc_id,
    role: row.role as Role,
    unitId: opt(row.unit_id),
    expiresAt: toDate(row.expires_at),
    createdBy: toActor(row.created_by_channel, row.created_by_user_id, row.created_by_name),
    createdAt: toDate(row.created_at),
    usedAt: optDate(row.used_at),
    revokedAt: optDate(row.revoked_at),
  };
  if (row.used_by_channel !== null && row.used_by_user_id !== null) {
    invite.usedBy = { channel: row.used_by_channel, userId: row.used_by_user_id };
  }
  return invite;
}

/** Single-use invite codes. */
export function sqlInvites(db: Kysely<DatabaseSchema>): Invites {
  const find = (code: string) =>
    currentExecutor(db).selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst();

  return {
    async create(input) {
      const inserted = await currentExecutor(db)
        .insertInto('invites')
        .values({
          code: input.code,
          bloc_id: input.blocId,
          role: input.role,
          unit_id: input.unitId ?? null,
          expires_at: iso(input.expiresAt),
          created_at: iso(input.createdAt ?? new Date()),
          ...actorColumns('created_by', input.createdBy),
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returningAll()
        .executeTakeFirst();
      return inserted === undefined ? undefined : toInvite(inserted);
    },

    async consume(code, now, by) {
      // One conditional UPDATE decides: of two concurrent consumers the second finds used_at set
      // (PostgreSQL re-checks the WHERE after waiting for the first's row lock; SQLite serialises
      // writers), so exactly one gets the row back.
      const used = await currentExecutor(db)
        .updateTable('invites')
        .set({ used_at: iso(now), used_by_channel: by.channel, used_by_user_id: by.userId })
        .where('code', '=', code)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .returningAll()
        .executeTakeFirst();
      if (used !== undefined) return { status: 'ok', invite: toInvite(used) };
      const row = await find(code);
      if (row === undefined) return { status: 'unknown' };
      if (row.revoked_at !== null) return { status: 'revoked' };
      if (row.used_at !== null) return { status: 'used' };
      return { status: 'expired' };
    },

    async listActive(blocId, now) {
      const rows = await currentExecutor(db)
        .selectFrom('invites')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .orderBy('created_at')
        .orderBy('code')
        .execute();
      return rows.map(toInvite);
    },

    async revoke(code, at) {
      const result = await currentExecutor(db)
        .updateTable('invites')
        .set({ revoked_at: iso(at) })
        .where('code', '=', code)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
