import type { Kysely } from 'kysely';
import { toCount } from './codec.ts';
import type { DatabaseSchema } from './schema.ts';

/** How many people and reports a database holds, of any bloc (`thidua demo` refuses a used one). */
export async function recordCounts(
  db: Kysely<DatabaseSchema>,
): Promise<{ registrations: number; submissions: number }> {
  const count = async (table: 'registrations' | 'submissions') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return toCount(row.n);
  };
  return { registrations: await count('registrations'), submissions: await count('submissions') };
}
