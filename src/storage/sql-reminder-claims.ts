import type { Kysely } from 'kysely';
import type { ReminderClaims } from '../app/ports.ts';
import { iso } from './codec.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/** First come, first served: the primary key lets one claim of a reminder in, whichever process runs. */
export function sqlReminderClaims(db: Kysely<DatabaseSchema>): ReminderClaims {
  return {
    async claim(key, at) {
      const inserted = await currentExecutor(db)
        .insertInto('reminder_claims')
        .values({
          bloc_id: key.blocId,
          period_id: key.periodId,
          unit_id: key.unitId,
          kind: key.kind,
          day: key.day,
          claimed_at: iso(at),
        })
        .onConflict((oc) => oc.columns(['bloc_id', 'period_id', 'unit_id', 'kind', 'day']).doNothing())
        .returning('day')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async lastClaimed(blocId, periodId, unitId) {
      // ISO text sorts as time; the primary key's prefix (bloc, period, unit) finds the rows.
      const row = await currentExecutor(db)
        .selectFrom('reminder_claims')
        .select((eb) => eb.fn.max('claimed_at').as('last'))
        .where('bloc_id', '=', blocId)
        .where('period_id', '=', periodId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      return row?.last ? new Date(row.last) : undefined;
    },
  };
}
