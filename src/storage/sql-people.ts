import type { Kysely } from 'kysely';
import type { Language, People, Person } from '../app/ports.ts';
import { iso, toDate } from './codec.ts';
import { compiledQuery } from './compiled-query.ts';
import type { DatabaseSchema, PeopleTable } from './schema.ts';
import { currentExecutor } from './unit-of-work.ts';

function toPerson(row: PeopleTable): Person {
  const person: Person = {
    channel: row.channel,
    userId: row.user_id,
    displayName: row.display_name,
    firstSeenAt: toDate(row.first_seen_at),
    lastSeenAt: toDate(row.last_seen_at),
  };
  if (row.language === 'vi' || row.language === 'en') person.language = row.language;
  return person;
}

/** Channel identities: display name as last seen, and the language each person chose. */
export function sqlPeople(db: Kysely<DatabaseSchema>): People {
  async function upsert(
    channel: string,
    userId: string,
    at: Date,
    displayName: string | undefined,
    language?: Language,
  ) {
    const now = iso(at);
    await currentExecutor(db)
      .insertInto('people')
      .values({
        channel,
        user_id: userId,
        // A person who picks a language before we saw a name gets their id as a name until touched.
        display_name: displayName ?? userId,
        language: language ?? null,
        first_seen_at: now,
        last_seen_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['channel', 'user_id']).doUpdateSet({
          last_seen_at: now,
          ...(displayName === undefined ? {} : { display_name: displayName }),
          ...(language === undefined ? {} : { language }),
        }),
      )
      .execute();
  }

  // Every update reads the sender: compiled once.
  const find = compiledQuery(db, (db, a: { channel: string; userId: string }) =>
    db.selectFrom('people').selectAll().where('channel', '=', a.channel).where('user_id', '=', a.userId),
  );

  return {
    async get(channel, userId) {
      const [row] = await find({ channel, userId });
      return row === undefined ? undefined : toPerson(row);
    },
    setLanguage: (channel, userId, language, at) => upsert(channel, userId, at, undefined, language),
    touch: (channel, userId, displayName, at) => upsert(channel, userId, at, displayName),
  };
}
