import KeyvRedis from '@keyv/redis';
import KeyvPostgres from '@keyv/postgres';
import { Keyv } from 'keyv';
import { type Database, isPostgresUrl } from './database.ts';
import { SqlSessionStore } from './sql-session-store.ts';

export { SqlSessionStore } from './sql-session-store.ts';

/** Namespace of session keys in every store: they share a server with other data at times. */
export const SESSION_NAMESPACE = 'thidua-session';
/** The table @keyv/postgres creates for sessions, apart from its default `keyv` table. */
export const KEYV_POSTGRES_TABLE = 'thidua_sessions';

export interface SessionKeyv {
  keyv: Keyv;
  /**
   * 'sql': our own table, joining the handler's transaction. 'redis' and 'postgres' are the weaker
   * mode (design.md, "Nothing lost"): the session is written after the commit.
   */
  kind: 'sql' | 'redis' | 'postgres';
  /** True when a session write inside a UnitOfWork commits or rolls back with it. */
  transactional: boolean;
  /** Deletes expired sessions (Redis expires them itself); returns how many rows went. */
  purgeExpired(now: Date): Promise<number>;
  /** Closes the connection a separate store opened (the SQL store shares the database's). */
  close(): Promise<void>;
}

/**
 * The session keyv for `SESSION_STORE_URL`: unset → our SQL table (the default), `redis://` or
 * `rediss://` → @keyv/redis, `postgres://` or `postgresql://` → @keyv/postgres in its own table.
 * Every Keyv is built with `throwOnErrors` (and the Redis adapter too, which otherwise swallows
 * errors into an event): a session write that fails rejects, it never passes silently.
 */
export function createSessionKeyv({
  url,
  database,
  now = () => new Date(),
}: {
  url?: string | undefined;
  database: Pick<Database, 'db'>;
  /** The program's clock: our own table dates each row's expiry by it. */
  now?: () => Date;
}): SessionKeyv {
  if (url === undefined || url.trim() === '') {
    const store = new SqlSessionStore(database.db, now);
    const keyv = new Keyv({ store, namespace: SESSION_NAMESPACE, throwOnErrors: true });
    return {
      keyv,
      kind: 'sql',
      transactional: true,
      purgeExpired: (now) => store.purgeExpired(now),
      close: () => Promise.resolve(),
    };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const store = new KeyvRedis(url, {
      namespace: SESSION_NAMESPACE,
      throwOnErrors: true,
      throwOnConnectError: true,
      connectionTimeout: 5000,
    });
    // As @keyv/redis's own createKeyv: the adapter prefixes keys itself, so keyv must not.
    const keyv = new Keyv({ store, namespace: SESSION_NAMESPACE, useKeyPrefix: false, throwOnErrors: true });
    return {
      keyv,
      kind: 'redis',
      transactional: false,
      purgeExpired: () => Promise.resolve(0),
      close: () => keyv.disconnect(),
    };
  }
  if (isPostgresUrl(url)) {
    const store = new KeyvPostgres({ uri: url, table: KEYV_POSTGRES_TABLE, max: 4 });
    const keyv = new Keyv({ store, namespace: SESSION_NAMESPACE, throwOnErrors: true });
    return {
      keyv,
      kind: 'postgres',
      transactional: false,
      // keyv keeps the expiry inside the serialized value ({"value":…,"expires":<ms>}) and checks it
      // only on read: expired rows would stay for ever without this.
      async purgeExpired(now) {
        const rows: unknown[] = await store.query(
          `DELETE FROM ${KEYV_POSTGRES_TABLE} WHERE substring(value from '"expires":([0-9]+)}$')::bigint <= $1 RETURNING key`,
          [now.getTime()],
        );
        return rows.length;
      },
      close: () => keyv.disconnect(),
    };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? '(none)';
  throw new Error(
    `SESSION_STORE_URL must start with redis://, rediss://, postgres:// or postgresql:// (or be unset); got scheme ${scheme}`,
  );
}
