import { type Kysely, type Selectable, sql } from 'kysely';
import type { Broadcast, Broadcasts } from '../app/ports.ts';
import type { BroadcastFailure, BroadcastStatus } from '../domain/broadcast.ts';
import { actorColumns, iso, opt, optDate, toActor, toCount, toDate } from './codec.ts';
import type { BroadcastsTable, DatabaseSchema } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

const STATUSES: readonly BroadcastStatus[] = ['preview', 'sending', 'cancelled', 'done'];

function toBroadcast(row: Selectable<BroadcastsTable>): Broadcast {
  const status = STATUSES.find((s) => s === row.status) ?? 'done';
  return {
    id: row.id,
    blocId: row.bloc_id,
    by: toActor(row.by_channel, row.by_user_id, row.by_name),
    createdAt: toDate(row.created_at),
    text: row.text,
    ...(row.unit_id === null ? {} : { unitId: row.unit_id }),
    status,
    recipients: row.recipients,
    chat: { channel: row.chat_channel, chatId: row.chat_id },
    lang: row.lang === 'en' ? 'en' : 'vi',
    confirmedAt: optDate(row.confirmed_at),
    progressOutboxId: opt(row.progress_outbox_id),
    progressSettled: row.progress_settled,
    progressAt: optDate(row.progress_at),
    finishedAt: optDate(row.finished_at),
    delivered: opt(row.delivered),
    failed: opt(row.failed),
    failures: row.failures === null ? undefined : (JSON.parse(row.failures) as BroadcastFailure[]),
  };
}

/** Broadcasts, and the counts of the outbox rows that deliver them. */
export function sqlBroadcasts(db: Kysely<DatabaseSchema>): Broadcasts {
  /** One status move, made only from `from`: true if this call made it. */
  const move = async (id: number, from: BroadcastStatus, set: Partial<Selectable<BroadcastsTable>>) => {
    const result = await currentExecutor(db)
      .updateTable('broadcasts')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };
  return {
    async create(b) {
      const row = await currentExecutor(db)
        .insertInto('broadcasts')
        .values({
          bloc_id: b.blocId,
          ...actorColumns('by', b.by),
          created_at: iso(b.createdAt),
          text: b.text,
          unit_id: b.unitId ?? null,
          status: 'preview',
          recipients: b.recipients,
          chat_channel: b.chat.channel,
          chat_id: b.chat.chatId,
          lang: b.lang,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async get(id) {
      const row = await currentExecutor(db)
        .selectFrom('broadcasts')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toBroadcast(row) : undefined;
    },

    confirm: (id, at, recipients) => move(id, 'preview', { status: 'sending', confirmed_at: iso(at), recipients }),
    cancel: (id, at) => move(id, 'preview', { status: 'cancelled', finished_at: iso(at) }),

    async setProgressMessage(id, outboxId) {
      await currentExecutor(db)
        .updateTable('broadcasts')
        .set({ progress_outbox_id: outboxId })
        .where('id', '=', id)
        .execute();
    },

    async sending() {
      const rows = await currentExecutor(db)
        .selectFrom('broadcasts')
        .select('id')
        .where('status', '=', 'sending')
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async tally(id) {
      const count = (condition: ReturnType<typeof sql<number>>) =>
        sql<string | number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
      const row = await currentExecutor(db)
        .selectFrom('outbox')
        .select([
          count(sql`sent_at is not null`).as('delivered'),
          count(sql`sent_at is null and (failed_at is not null or dropped_at is not null)`).as('failed'),
          count(sql`sent_at is null and failed_at is null and dropped_at is null`).as('pending'),
        ])
        .where('broadcast_id', '=', id)
        .executeTakeFirstOrThrow();
      return { delivered: toCount(row.delivered), failed: toCount(row.failed), pending: toCount(row.pending) };
    },

    async failedRows(id) {
      const rows = await currentExecutor(db)
        .selectFrom('outbox')
        .select(['broadcast_unit', 'channel', 'chat_id', 'last_error'])
        .where('broadcast_id', '=', id)
        .where('sent_at', 'is', null)
        .where((eb) => eb.or([eb('failed_at', 'is not', null), eb('dropped_at', 'is not', null)]))
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        unitId: r.broadcast_unit ?? '',
        channel: r.channel,
        chatId: r.chat_id,
        ...(r.last_error === null ? {} : { error: r.last_error }),
      }));
    },

    async markTold(id, from, to, at) {
      const result = await currentExecutor(db)
        .updateTable('broadcasts')
        .set({ progress_settled: to, progress_at: iso(at) })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('progress_settled', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    finish: (id, at, result) =>
      move(id, 'sending', {
        status: 'done',
        finished_at: iso(at),
        delivered: result.delivered,
        failed: result.failed,
        failures: JSON.stringify(result.failures),
      }),
  };
}
