import type { Kysely, Selectable } from 'kysely';
import type { GroupChat, Groups } from '../app/ports.ts';
import { actorColumns, iso, toActor, toDate } from './codec.ts';
import type { DatabaseSchema, GroupChatsTable } from './schema.ts';
import { currentExecutor, transactional } from './unit-of-work.ts';

function toGroup(row: Selectable<GroupChatsTable>): GroupChat {
  return {
    blocId: row.bloc_id,
    channel: row.channel,
    chatId: row.chat_id,
    title: row.title,
    registeredBy: toActor(row.by_channel, row.by_user_id, row.by_name),
    registeredAt: toDate(row.registered_at),
  };
}

/** The leaders' group of each bloc, one per channel; a chat serves at most one bloc. */
export function sqlGroups(db: Kysely<DatabaseSchema>): Groups {
  return {
    register(group) {
      return transactional(db, async (trx) => {
        await trx
          .deleteFrom('group_chats')
          .where((eb) =>
            eb.or([
              eb.and([eb('bloc_id', '=', group.blocId), eb('channel', '=', group.channel)]),
              eb.and([eb('channel', '=', group.channel), eb('chat_id', '=', group.chatId)]),
            ]),
          )
          .execute();
        const row = await trx
          .insertInto('group_chats')
          .values({
            bloc_id: group.blocId,
            channel: group.channel,
            chat_id: group.chatId,
            title: group.title,
            registered_at: iso(group.at),
            ...actorColumns('by', group.by),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toGroup(row);
      });
    },

    async findByChat(channel, chatId) {
      const row = await currentExecutor(db)
        .selectFrom('group_chats')
        .selectAll()
        .where('channel', '=', channel)
        .where('chat_id', '=', chatId)
        .executeTakeFirst();
      return row === undefined ? undefined : toGroup(row);
    },

    async listForBloc(blocId) {
      const rows = await currentExecutor(db)
        .selectFrom('group_chats')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .orderBy('channel')
        .execute();
      return rows.map(toGroup);
    },

    migrateChat(channel, oldChatId, newChatId) {
      return transactional(db, async (trx) => {
        const moved = await trx
          .updateTable('group_chats')
          .set({ chat_id: newChatId })
          .where('channel', '=', channel)
          .where('chat_id', '=', oldChatId)
          .executeTakeFirst();
        // Messages queued for the old id would be refused once the group is a supergroup.
        await trx
          .updateTable('outbox')
          .set({ chat_id: newChatId })
          .where('channel', '=', channel)
          .where('chat_id', '=', oldChatId)
          .where('sent_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('dropped_at', 'is', null)
          .execute();
        return Number(moved.numUpdatedRows) > 0;
      });
    },
  };
}
