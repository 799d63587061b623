import type { Kysely } from 'kysely';
import type { ProcessedUpdates } from '../app/ports.ts';
import { iso } from './codec.ts';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/**
 * Update ids, deduplicated by the primary key. ON CONFLICT DO NOTHING rather than catching the
 * violation: on PostgreSQL a failed statement would poison the handler's whole transaction.
 */
export function sqlProcessedUpdates(db: Kysely<DatabaseSchema>): ProcessedUpdates {
  // Every update runs it: compiled once.
  const mark = compiledQuery(db, (db, a: { channel: string; updateId: string; at: string }) =>
    db
      .insertInto('processed_updates')
      .values({ channel: a.channel, update_id: a.updateId, processed_at: a.at })
      .onConflict((oc) => oc.columns(['channel', 'update_id']).doNothing())
      .returning('update_id'),
  );
  return {
    async markProcessed(channel, updateId, at) {
      const inserted = await mark({ channel, updateId, at: iso(at) });
      return inserted.length > 0;
    },

    async purgeBefore(before) {
      const result = await currentExecutor(db)
        .deleteFrom('processed_updates')
        .where('processed_at', '<', iso(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
