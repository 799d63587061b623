import type { Kysely } from 'kysely';
import type { OpenDrafts } from '../app/ports.ts';
import { iso } from './codec.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/**
 * Where report drafts wait, by period: keyv stores (Redis, PostgreSQL) cannot list sessions, and
 * the lock job must find the drafts of a period that locks. Written in the update's transaction.
 */
export function sqlOpenDrafts(db: Kysely<DatabaseSchema>): OpenDrafts {
  return {
    async put(draft, at) {
      const values = { bloc_id: draft.blocId, unit_id: draft.unitId, period_id: draft.periodId, updated_at: iso(at) };
      await currentExecutor(db)
        .insertInto('open_drafts')
        .values({ session_key: draft.sessionKey, command: draft.command, ...values })
        .onConflict((oc) => oc.columns(['session_key', 'command']).doUpdateSet(values))
        .execute();
    },

    async remove(sessionKey, command) {
      const result = await currentExecutor(db)
        .deleteFrom('open_drafts')
        .where('session_key', '=', sessionKey)
        .where('command', '=', command)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async forPeriod(blocId, periodId) {
      const rows = await currentExecutor(db)
        .selectFrom('open_drafts')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('period_id', '=', periodId)
        .orderBy('updated_at')
        .orderBy('session_key')
        .execute();
      return rows.map((r) => ({
        sessionKey: r.session_key,
        command: r.command,
        blocId: r.bloc_id,
        unitId: r.unit_id,
        periodId: r.period_id,
      }));
    },

    async periods(blocId) {
      const rows = await currentExecutor(db)
        .selectFrom('open_drafts')
        .select('period_id')
        .distinct()
        .where('bloc_id', '=', blocId)
        .orderBy('period_id')
        .execute();
      return rows.map((r) => r.period_id);
    },
  };
}
