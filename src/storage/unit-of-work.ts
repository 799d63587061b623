import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { UnitOfWork } from '../app/ports.ts';
import type { DatabaseSchema } from './schema.ts';

type Db = Kysely<DatabaseSchema>;

/**
 * The open transaction of each database, per async context. Keyed by the `Kysely` instance so that two
 * databases in one process (the tests run SQLite and PostgreSQL side by side) never see each other's
 * transaction.
 */
const context = new AsyncLocalStorage<ReadonlyMap<Db, Transaction<DatabaseSchema>>>();

/**
 * The executor to use now: the transaction of the current `run` on `db`, else `db` itself. Every
 * repository goes through this. Why it matters: kysely's SQLite driver has one connection behind a
 * mutex, so a query on the plain `db` inside a transaction would wait for the transaction forever.
 */
export function currentExecutor(db: Db): Db {
  return context.getStore()?.get(db) ?? db;
}

/** True while inside `run` on `db`. */
export function inTransaction(db: Db): boolean {
  return context.getStore()?.has(db) ?? false;
}

/**
 * Runs `fn` inside a transaction on `db`, joining the current one if there is one. Repositories use it
 * for writes of several statements that must hold together (a rebinding, a submission and its audit).
 */
export async function transactional<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const current = context.getStore()?.get(db);
  if (current) return fn(current);
  return db.transaction().execute((trx) => {
    const stores = new Map(context.getStore() ?? []);
    stores.set(db, trx);
    return context.run(stores, () => fn(trx));
  });
}

/** A UnitOfWork over `db`: one transaction per outermost `run`, joined by nested runs. */
export function createUnitOfWork(db: Db): UnitOfWork {
  return { run: (fn) => transactional(db, () => fn()) };
}
