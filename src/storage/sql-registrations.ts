import { type Kysely, type Selectable, sql } from 'kysely';
import type { Registration, Registrations } from '../app/ports.ts';
import type { Role } from '../domain/roles.ts';
import { flag, iso, opt, optDate, toDate } from './codec.ts';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema, RegistrationsTable } from './schema.ts';
import { currentExecutor, transactional } from './unit-of-work.ts';

function toRegistration(row: Selectable<RegistrationsTable>): Registration {
  return {
    id: row.id,
    channel: row.channel,
    userId: row.user_id,
    blocId: row.bloc_id,
    role: row.role as Role,
    unitId: opt(row.unit_id),
    inviteCode: opt(row.invite_code),
    createdAt: toDate(row.created_at),
    active: row.active === 1,
    deactivatedAt: optDate(row.deactivated_at),
    deactivationReason: opt(row.deactivation_reason),
    ...(row.unreachable_at === null ? {} : { unreachableSince: toDate(row.unreachable_at) }),
  };
}

export const REPLACED = 'replaced';

/** Bindings of people to a bloc; old bindings stay as inactive rows for history. */
export function sqlRegistrations(db: Kysely<DatabaseSchema>): Registrations {
  // Every update looks up the sender's bindings: compiled once.
  const active = compiledQuery(db, (db, a: { channel: string; userId: string }) =>
    db
      .selectFrom('registrations')
      .selectAll()
      .where('channel', '=', a.channel)
      .where('user_id', '=', a.userId)
      // A literal, not a bound parameter: SQLite then knows the partial index registrations_one_active
      // (WHERE active = 1) applies, and does not re-prepare the statement at every call to find out.
      .where('active', '=', sql.lit(1))
      .orderBy('id'),
  );

  return {
    bind(input) {
      return transactional(db, async (trx) => {
        await trx
          .updateTable('registrations')
          .set({ active: 0, deactivated_at: iso(input.at), deactivation_reason: REPLACED })
          .where('channel', '=', input.channel)
          .where('user_id', '=', input.userId)
          .where('bloc_id', '=', input.blocId)
          .where('active', '=', 1)
          .execute();
        const row = await trx
          .insertInto('registrations')
          .values({
            channel: input.channel,
            user_id: input.userId,
            bloc_id: input.blocId,
            role: input.role,
            unit_id: input.unitId ?? null,
            invite_code: input.inviteCode ?? null,
            created_at: iso(input.at),
            active: flag(true),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toRegistration(row);
      });
    },

    async findActive(channel, userId) {
      const rows = await active({ channel, userId });
      return rows.map(toRegistration);
    },

    async listActive(blocId, filter = {}) {
      let query = currentExecutor(db)
        .selectFrom('registrations')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('active', '=', 1);
      if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
      if (filter.role !== undefined) query = query.where('role', '=', filter.role);
      const rows = await query.orderBy('id').execute();
      return rows.map(toRegistration);
    },

    async deactivate(id, reason, at) {
      const result = await currentExecutor(db)
        .updateTable('registrations')
        .set({ active: 0, deactivated_at: iso(at), deactivation_reason: reason })
        .where('id', '=', id)
        .where('active', '=', 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markUnreachable(channel, userId, reason, at) {
      const rows = await currentExecutor(db)
        .updateTable('registrations')
        .set({ unreachable_at: iso(at), unreachable_reason: reason.slice(0, 500) })
        .where('channel', '=', channel)
        .where('user_id', '=', userId)
        .where('active', '=', 1)
        .where('unreachable_at', 'is', null)
        .returningAll()
        .execute();
      return rows.map(toRegistration);
    },

    async clearUnreachable(channel, userId) {
      await currentExecutor(db)
        .updateTable('registrations')
        .set({ unreachable_at: null, unreachable_reason: null })
        .where('channel', '=', channel)
        .where('user_id', '=', userId)
        .where('unreachable_at', 'is not', null)
        .execute();
    },

    async findById(id) {
      const row = await currentExecutor(db)
        .selectFrom('registrations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toRegistration(row);
    },
  };
}
