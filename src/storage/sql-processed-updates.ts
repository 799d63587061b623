import type { Kysely } from 'kysely';
import type { ProcessedUpdates } from '../app/ports.ts';
import { iso } from './codec.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/**
 * Update ids, deduplicated by the primary key. ON CONFLICT DO NOTHING rather than catching the
 * violation: on PostgreSQL a failed statement would poison the handler's whole transaction.
 */
export function sqlProcessedUpdates(db: Kysely<DatabaseSchema>): ProcessedUpdates {
  return {
    async markProcessed(channel, updateId, at) {
      const inserted = await currentExecutor(db)
        .insertInto('processed_updates')
        .values({ channel, update_id: updateId, processed_at: iso(at) })
        .onConflict((oc) => oc.columns(['channel', 'update_id']).doNothing())
        .returning('update_id')
        .executeTakeFirst();
      return inserted !== undefined;
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
