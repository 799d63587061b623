import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import { sqliteConnectionOf } from './sqlite-dialect.ts';
import { currentExecutor, inRunningTransaction } from './unit-of-work.ts';

type Db = Kysely<DatabaseSchema>;

/** Where a compiled query's parameter comes from: an argument of the call, or a value of the shape. */
type Slot = { arg: string } | { value: unknown };

interface Plan {
  sql: string;
  query: CompiledQuery['query'];
  slots: Slot[];
}

/** Marks the stand-ins `build` receives; no real value starts with a NUL character and this. */
const STAND_IN = '\u0000compiled-arg:';

/**
 * A statement built and compiled by kysely once, then run with each call's values: for the few
 * statements every update runs, building and compiling the same query anew took more CPU than SQLite
 * took to run it (npm run bench). The SQL text is kysely's own for the database's dialect, so it is
 * the statement the plain builder would send.
 *
 * `build` gets stand-ins for the arguments and must use them only as values (in `where`, `values`,
 * `set`…): never in a condition that changes the query's shape, never in `sql.lit` (an inlined
 * stand-in is refused when compiling). Arguments are never `undefined` (kysely would drop the column);
 * pass `null`. Runs on the current transaction, like every repository call (`currentExecutor`).
 *
 * On SQLite, inside a running transaction, the statement goes straight to the connection: kysely's
 * way there (executor, connection provider, mutex, result transform) made a dozen promises per
 * statement, more CPU than SQLite's own work on the bot's short statements (npm run bench). That is
 * safe because kysely's SQLite driver has one connection, held by the transaction from BEGIN to
 * COMMIT: a statement run on it from the transaction's callback is in that transaction, and nothing
 * else runs on it meanwhile. Once the callback has settled (a stray promise), or outside a
 * transaction, or on PostgreSQL, the statement goes through kysely.
 */
export function compiledQuery<A extends Record<string, unknown>, O>(
  db: Db,
  build: (db: Db, args: A) => Compilable<O>,
): (args: A) => Promise<O[]> {
  let plan: Plan | undefined;
  return async (args) => {
    plan ??= compile(db, build);
    const parameters = plan.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    const sqlite = sqliteConnectionOf(db);
    if (sqlite && inRunningTransaction(db)) {
      // As kysely's SqliteConnection.executeQuery does it, without the promises around it.
      const statement = sqlite.prepare(plan.sql);
      if (statement.reader) return statement.all(parameters) as O[];
      statement.run(parameters);
      return [];
    }
    const result = await currentExecutor(db).executeQuery<O>({
      sql: plan.sql,
      query: plan.query,
      queryId: createQueryId(),
      parameters,
    });
    return result.rows;
  };
}

function compile<A extends Record<string, unknown>, O>(db: Db, build: (db: Db, args: A) => Compilable<O>): Plan {
  const standIns = new Proxy({}, { get: (_, name) => `${STAND_IN}${String(name)}` }) as A;
  const { sql, query, parameters } = build(db, standIns).compile();
  if (sql.includes(STAND_IN)) throw new Error(`compiledQuery: an argument was inlined into the SQL, not bound: ${sql}`);
  const slots = parameters.map((p): Slot =>
    typeof p === 'string' && p.startsWith(STAND_IN) ? { arg: p.slice(STAND_IN.length) } : { value: p },
  );
  return { sql, query, slots };
}
