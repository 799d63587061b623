import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

/** The most a row may outlive its value's TTL: 1/64 of the TTL, at most an hour (see `set`). */
const EXPIRY_SLACK_MAX_MS = 60 * 60_000;
const EXPIRY_SLACK_FRACTION = 64;

/**
 * A keyv 5 store over the project's own `sessions` table. It goes through `currentExecutor`, so a
 * session written while a UnitOfWork runs commits or rolls back with the rest of the update
 * (design.md, "Nothing lost"). Keyv hands it serialized text and a TTL in ms; `expires_at` is kept
 * beside the text so expired rows can be purged and are never returned.
 * Errors are not caught here: they reach keyv, which throws them (`throwOnErrors`).
 */
export class SqlSessionStore extends EventEmitter implements KeyvStoreAdapter {
  opts: { dialect: 'sql'; table: 'sessions' } = { dialect: 'sql', table: 'sessions' };
  namespace?: string | undefined;
  /** Every update reads and writes its session: these are compiled once. */
  private readonly findLive;
  private readonly upsert;
  private readonly updateValue;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.findLive = compiledQuery(db, (db, a: { key: string; now: string }) =>
      db
        .selectFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', a.now)]))
        .select('value')
        .where('key', '=', a.key),
    );
    this.upsert = compiledQuery(db, (db, a: { key: string; value: string; expiresAt: string | null }) =>
      db
        .insertInto('sessions')
        .values({ key: a.key, value: a.value, expires_at: a.expiresAt })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: a.value, expires_at: a.expiresAt })),
    );
    this.updateValue = compiledQuery(db, (db, a: { key: string; value: string; from: string; to: string }) =>
      db
        .updateTable('sessions')
        .set({ value: a.value })
        .where('key', '=', a.key)
        .where('expires_at', '>=', a.from)
        .where('expires_at', '<=', a.to)
        .returning('key'),
    );
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const [row] = await this.findLive({ key, now: this.now().toISOString() });
    return row?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    if (keys.length === 0) return [];
    const rows = await this.live().select(['key', 'value']).where('key', 'in', keys).execute();
    const found = new Map(rows.map((r) => [r.key, r.value]));
    return keys.map((k) => found.get(k) as StoredData<Value | undefined>);
  }

  /**
   * Writing `expires_at` moves the row in the `sessions_expires_at` index: two more pages in the
   * update's commit, a sixth of them (npm run bench). So a row is written with a little slack after
   * its expiry (1/64 of the TTL, at most an hour), and while the expiry it has still lies between the
   * new one and that slack only the value is written. A row thus lives from its value's expiry to that
   * slack after it; keyv keeps the exact expiry inside the value and checks it on every read, so
   * nobody sees a value past its TTL (and `purgeExpired` takes the row at most the slack later).
   */
  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    if (typeof value !== 'string') throw new TypeError('SqlSessionStore stores keyv-serialized text only');
    if (typeof ttl !== 'number' || ttl <= 0) {
      await this.upsert({ key, value, expiresAt: null });
      return true;
    }
    const expiry = this.now().getTime() + ttl;
    const latest = expiry + Math.min(Math.floor(ttl / EXPIRY_SLACK_FRACTION), EXPIRY_SLACK_MAX_MS);
    const iso = (ms: number) => new Date(ms).toISOString();
    const updated = await this.updateValue({ key, value, from: iso(expiry), to: iso(latest) });
    if (updated.length === 0) await this.upsert({ key, value, expiresAt: iso(latest) });
    return true;
  }

  async delete(key: string): Promise<boolean> {
    const result = await currentExecutor(this.db).deleteFrom('sessions').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  /** Deletes this namespace's keys (all keys when keyv has no namespace). */
  async clear(): Promise<void> {
    let query = currentExecutor(this.db).deleteFrom('sessions');
    if (this.namespace) {
      const prefix = `${this.namespace}:`;
      query = query.where(sql<string>`substr(${sql.ref('key')}, 1, ${prefix.length})`, '=', prefix);
    }
    await query.execute();
  }

  /** Deletes rows expired at `now` (keyv's TTL is lazy: a job calls this). Returns how many. */
  async purgeExpired(now: Date): Promise<number> {
    const result = await currentExecutor(this.db)
      .deleteFrom('sessions')
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private live() {
    const at = this.now().toISOString();
    return currentExecutor(this.db)
      .selectFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  }
}
