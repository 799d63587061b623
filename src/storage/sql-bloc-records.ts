import type { Kysely } from 'kysely';
import type { BlocRecords } from '../app/ports.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/** The blocs of the loaded bloc files, so that rows elsewhere can reference them. */
export function sqlBlocRecords(db: Kysely<DatabaseSchema>): BlocRecords {
  return {
    async upsert({ id, name }) {
      const updatedAt = new Date().toISOString();
      await currentExecutor(db)
        .insertInto('blocs')
        .values({ id, name, updated_at: updatedAt })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name, updated_at: updatedAt }))
        .execute();
    },
  };
}
