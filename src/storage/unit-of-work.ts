import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { UnitOfWork } from '../app/ports.ts';
import type { DatabaseSchema } from './schema.ts';

type Db = Kysely<DatabaseSchema>;

/** A transaction and whether its callback is still running (a stray promise may outlive it). */
interface Current {
  trx: Transaction<DatabaseSchema>;
  settled: boolean;
}

/**
 * The open transaction of each database, per async context. Keyed by the `Kysely` instance so that two
 * databases in one process (the tests run SQLite and PostgreSQL side by side) never see each other's
 * transaction.
 */
const context = new AsyncLocalStorage<ReadonlyMap<Db, Current>>();

/**
 * The executor to use now: the transaction of the current `run` on `db`, else `db` itself. Every
 * repository goes through this. Why it matters: kysely's SQLite driver has one connection behind a
 * mutex, so a query on the plain `db` inside a transaction would wait for the transaction forever.
 */
export function currentExecutor(db: Db): Db {
  return context.getStore()?.get(db)?.trx ?? db;
}

/** True while inside `run` on `db`. */
export function inTransaction(db: Db): boolean {
  return context.getStore()?.has(db) ?? false;
}

/**
 * True while inside `run` on `db` and the transaction's callback has not settled yet: the
 * transaction then holds its connection (compiled-query.ts relies on it).
 */
export function inRunningTransaction(db: Db): boolean {
  const current = context.getStore()?.get(db);
  return current !== undefined && !current.settled;
}

/**
 * Runs `fn` inside a transaction on `db`, joining the current one if there is one. Repositories use it
 * for writes of several statements that must hold together (a rebinding, a submission and its audit).
 */
export async function transactional<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const current = context.getStore()?.get(db);
  if (current) return fn(current.trx);
  return db.transaction().execute(async (trx) => {
    const mine: Current = { trx, settled: false };
    const stores = new Map(context.getStore() ?? []);
    stores.set(db, mine);
    try {
      return await context.run(stores, () => fn(trx));
    } finally {
      mine.settled = true;
    }
  });
}

/** A UnitOfWork over `db`: one transaction per outermost `run`, joined by nested runs. */
export function createUnitOfWork(db: Db): UnitOfWork {
  return { run: (fn) => transactional(db, () => fn()) };
}
