import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Outbox, OutboxRow } from '../app/ports.ts';
import type { Dialect } from './database.ts';
import { iso, opt, optDate, toCount, toDate } from './codec.ts';
import type { DatabaseSchema, OutboxTable } from './schema.ts';
import { currentExecutor, transactional } from './unit-of-work.ts';

type Eb = ExpressionBuilder<DatabaseSchema, 'outbox'>;

function toRow(row: Selectable<OutboxTable>): OutboxRow {
  return {
    id: row.id,
    channel: row.channel,
    chatId: row.chat_id,
    ...(row.session_key !== null && row.asks_seq !== null
      ? { question: { sessionKey: row.session_key, seq: row.asks_seq } }
      : {}),
    priority: row.priority === 1 ? 'bulk' : 'interactive',
    ...(row.reminder_bloc !== null && row.reminder_period !== null && row.reminder_unit !== null
      ? { reminder: { blocId: row.reminder_bloc, periodId: row.reminder_period, unitId: row.reminder_unit } }
      : {}),
    ...(row.broadcast_id !== null && row.broadcast_unit !== null
      ? { broadcast: { id: row.broadcast_id, unitId: row.broadcast_unit } }
      : {}),
    ...(row.platform_message_id === null ? {} : { platformMessageId: row.platform_message_id }),
    payload: JSON.parse(row.payload) as object,
    createdAt: toDate(row.created_at),
    expiresAt: optDate(row.expires_at),
    attempts: row.attempts,
    nextAttemptAt: toDate(row.next_attempt_at),
    claimedBy: opt(row.claimed_by),
    leaseUntil: optDate(row.lease_until),
    sentAt: optDate(row.sent_at),
    failedAt: optDate(row.failed_at),
    droppedAt: optDate(row.dropped_at),
    lastError: opt(row.last_error),
  };
}

/** Not sent, not failed, not dropped. */
const open = (eb: Eb) => eb.and([eb('sent_at', 'is', null), eb('failed_at', 'is', null), eb('dropped_at', 'is', null)]);
const leaseFree = (eb: Eb, now: string) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]);
const unexpired = (eb: Eb, now: string) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);

/** An older open row of the same chat that cannot go now (not due yet, or being sent): wait for it. */
const olderWaiting = (eb: Eb, now: string) =>
  eb
    .selectFrom('outbox as older')
    .select('older.id')
    .whereRef('older.channel', '=', 'outbox.channel')
    .whereRef('older.chat_id', '=', 'outbox.chat_id')
    .whereRef('older.id', '<', 'outbox.id')
    .where('older.sent_at', 'is', null)
    .where('older.failed_at', 'is', null)
    .where('older.dropped_at', 'is', null)
    .where((o) => o.or([o('older.next_attempt_at', '>', now), o('older.lease_until', '>', now)]));

/** A new row's values (attempts start at 0). */
type NewRow = Pick<Insertable<OutboxTable>, 'channel' | 'chat_id' | 'payload' | 'next_attempt_at' | 'created_at'> & {
  expires_at: string | null;
  session_key: string | null;
  asks_seq: number | null;
  priority: number;
  reminder_bloc: string | null;
  reminder_period: string | null;
  reminder_unit: string | null;
  broadcast_id: number | null;
  broadcast_unit: string | null;
};
/** Rows per insert statement (each row binds 15 parameters). */
const INSERT_CHUNK = 500;

/**
 * The outbox. A claim gives each row to one owner for `leaseMs`; a crashed owner's rows come back when
 * the lease runs out (so sends are at least once). Errors are kept short: they are for people reading
 * the table, and a platform's error may be long.
 */
export function sqlOutbox(db: Kysely<DatabaseSchema>, dialect: Dialect): Outbox {
  return {
    async enqueue(messages) {
      if (messages.length === 0) return [];
      const values: NewRow[] = messages.map((m) => ({
        channel: m.channel,
        chat_id: m.chatId,
        payload: JSON.stringify(m.payload),
        created_at: iso(m.createdAt),
        expires_at: m.expiresAt === undefined ? null : iso(m.expiresAt),
        next_attempt_at: iso(m.nextAttemptAt ?? m.createdAt),
        session_key: m.question?.sessionKey ?? null,
        asks_seq: m.question?.seq ?? null,
        priority: m.priority === 'bulk' ? 1 : 0,
        reminder_bloc: m.reminder?.blocId ?? null,
        reminder_period: m.reminder?.periodId ?? null,
        reminder_unit: m.reminder?.unitId ?? null,
        broadcast_id: m.broadcast?.id ?? null,
        broadcast_unit: m.broadcast?.unitId ?? null,
      }));
      // A broadcast brings thousands of rows: one statement each `INSERT_CHUNK` rows stays under
      // SQLite's 32,766 bound parameters (and PostgreSQL's 65,535).
      const ids: number[] = [];
      for (let from = 0; from < values.length; from += INSERT_CHUNK) {
        const rows = await currentExecutor(db)
          .insertInto('outbox')
          .values(values.slice(from, from + INSERT_CHUNK).map((v) => ({ ...v, attempts: 0 })))
          .returning('id')
          .execute();
        ids.push(...rows.map((r) => r.id));
      }
      return ids.sort((a, b) => a - b);
    },

    async claim(owner, limit, leaseMs, now, channels) {
      if (channels.length === 0) return [];
      const at = iso(now);
      const leaseUntil = iso(new Date(now.getTime() + leaseMs));
      // An idle poll (every second, per process) must not take the write lock: first a read of
      // whether anything is due or has expired, and only then the claiming transaction.
      const work = await currentExecutor(db)
        .selectFrom('outbox')
        .select('id')
        .where(open)
        .where((eb) => leaseFree(eb, at))
        .where((eb) => eb.or([eb('next_attempt_at', '<=', at), eb('expires_at', '<=', at)]))
        .where('channel', 'in', [...channels])
        .limit(1)
        .executeTakeFirst();
      if (work === undefined) return [];
      return transactional(db, async (trx) => {
        // A reminder for a day that is over is dropped, not sent late (design.md, "Outbound").
        await trx
          .updateTable('outbox')
          .set({ dropped_at: at, claimed_by: null, lease_until: null })
          .where(open)
          .where((eb) => leaseFree(eb, at))
          .where('expires_at', '<=', at)
          .execute();
        const ready = trx
          .selectFrom('outbox')
          .where(open)
          .where((eb) => leaseFree(eb, at))
          .where((eb) => unexpired(eb, at))
          .where('next_attempt_at', '<=', at)
          .where('channel', 'in', [...channels])
          .where((eb) => eb.not(eb.exists(olderWaiting(eb, at))));
        // Interactive rows first, then the longest waiting. PostgreSQL: rows another claimer holds
        // are skipped, not waited for; the locks last until our commit, by which time the rows carry
        // our lease. SQLite has one writer at a time.
        const lock = <Q extends { forUpdate(): { skipLocked(): Q } }>(q: Q): Q =>
          dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
        const picked = await lock(
          ready.select(['id', 'channel', 'chat_id']).orderBy('priority').orderBy('id').limit(limit),
        ).execute();
        if (picked.length === 0) return [];
        // A chat's older rows go before the one picked, whatever their priority: replies to one chat
        // keep their order (a reply picked ahead of a broadcast row to the same person takes it along).
        const chats = [...new Map(picked.map((r) => [`${r.channel}:${r.chat_id}`, r])).values()];
        const newest = Math.max(...picked.map((r) => r.id));
        const older = await lock(
          ready
            .select(['id', 'channel', 'chat_id'])
            .where('id', '<', newest)
            .where(
              'id',
              'not in',
              picked.map((r) => r.id),
            )
            .where((eb) =>
              eb.or(chats.map((c) => eb.and([eb('channel', '=', c.channel), eb('chat_id', '=', c.chat_id)]))),
            ),
        ).execute();
        const rank = new Map(chats.map((c, i) => [`${c.channel}:${c.chat_id}`, i]));
        const rankOf = (r: { channel: string; chat_id: string }) => rank.get(`${r.channel}:${r.chat_id}`) ?? 0;
        const mine = new Set(picked.map((r) => r.id));
        // An older row is taken only up to the newest row picked in its own chat.
        const newestOf = new Map<string, number>();
        for (const r of picked)
          newestOf.set(`${r.channel}:${r.chat_id}`, Math.max(newestOf.get(`${r.channel}:${r.chat_id}`) ?? 0, r.id));
        const ids = [
          ...picked,
          ...older.filter((r) => !mine.has(r.id) && r.id < (newestOf.get(`${r.channel}:${r.chat_id}`) ?? 0)),
        ]
          .sort((a, b) => rankOf(a) - rankOf(b) || a.id - b.id)
          .map((r) => r.id);
        if (ids.length === 0) return [];
        const claim = { claimed_by: owner, lease_until: leaseUntil, attempts: sql<number>`attempts + 1` };
        const rows = await trx.updateTable('outbox').set(claim).where('id', 'in', ids).returningAll().execute();
        const order = new Map(ids.map((id, i) => [id, i]));
        return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map(toRow);
      });
    },

    async releaseClaims(channels, now) {
      if (channels.length === 0) return 0;
      const result = await currentExecutor(db)
        .updateTable('outbox')
        .set({ claimed_by: null, lease_until: null })
        .where(open)
        .where('channel', 'in', [...channels])
        .where('lease_until', '>', iso(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async release(ids, now) {
      if (ids.length === 0) return;
      await currentExecutor(db)
        .updateTable('outbox')
        .set({ next_attempt_at: iso(now), expires_at: null })
        .where('id', 'in', [...ids])
        .where(open)
        .execute();
    },

    async drop(ids, at) {
      if (ids.length === 0) return;
      await currentExecutor(db)
        .updateTable('outbox')
        .set({ dropped_at: iso(at) })
        .where('id', 'in', [...ids])
        .where(open)
        .execute();
    },

    async countDropped(since) {
      const row = await currentExecutor(db)
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('dropped_at', '>=', iso(since))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async purgeFinished(before) {
      const at = iso(before);
      const result = await currentExecutor(db)
        .deleteFrom('outbox')
        .where((eb) => eb.or([eb('sent_at', '<', at), eb('failed_at', '<', at), eb('dropped_at', '<', at)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async markSent(id, at, platformMessageId) {
      await currentExecutor(db)
        .updateTable('outbox')
        .set({ sent_at: iso(at), lease_until: null, platform_message_id: platformMessageId ?? null })
        .where('id', '=', id)
        .execute();
    },

    async platformMessageId(id) {
      const row = await currentExecutor(db)
        .selectFrom('outbox')
        .select('platform_message_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.platform_message_id ?? undefined;
    },

    async markRetry(id, error, nextAttemptAt) {
      await currentExecutor(db)
        .updateTable('outbox')
        .set({
          last_error: error.slice(0, 2000),
          next_attempt_at: iso(nextAttemptAt),
          claimed_by: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(id, error, at) {
      await currentExecutor(db)
        .updateTable('outbox')
        .set({ last_error: error.slice(0, 2000), failed_at: iso(at), lease_until: null })
        .where('id', '=', id)
        .execute();
    },

    async questionResentSince(sessionKey, since) {
      const row = await currentExecutor(db)
        .selectFrom('outbox')
        .select('id')
        .where('session_key', '=', sessionKey)
        .where('asks_seq', 'is not', null)
        .where('attempts', '>=', 2)
        .where('sent_at', '>=', iso(since))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async pending(now) {
      const row = await currentExecutor(db)
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where(open)
        .where((eb) => unexpired(eb, iso(now)))
        .executeTakeFirstOrThrow();
      return toCount(row.n);
    },
  };
}
