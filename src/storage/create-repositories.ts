import type { Repositories } from '../app/ports.ts';
import type { Database } from './database.ts';
import { sqlBlocRecords } from './sql-bloc-records.ts';
import { sqlBroadcasts } from './sql-broadcasts.ts';
import { sqlCalendarOverrides } from './sql-calendar-overrides.ts';
import { sqlFiles } from './sql-files.ts';
import { sqlGroups } from './sql-groups.ts';
import { sqlInvites } from './sql-invites.ts';
import { sqlNominations } from './sql-nominations.ts';
import { sqlOpenDrafts } from './sql-open-drafts.ts';
import { sqlOutbox } from './sql-outbox.ts';
import { sqlPeople } from './sql-people.ts';
import { sqlProcessedUpdates } from './sql-processed-updates.ts';
import { sqlRegistrations } from './sql-registrations.ts';
import { sqlReminderClaims } from './sql-reminder-claims.ts';
import { sqlSubmissions } from './sql-submissions.ts';
import { createUnitOfWork } from './unit-of-work.ts';

/** Every port storage implements, over one open (and migrated) database. */
export function createRepositories({ db, dialect }: Pick<Database, 'db' | 'dialect'>): Repositories {
  return {
    unitOfWork: createUnitOfWork(db),
    processedUpdates: sqlProcessedUpdates(db),
    blocs: sqlBlocRecords(db),
    people: sqlPeople(db),
    invites: sqlInvites(db),
    registrations: sqlRegistrations(db),
    groups: sqlGroups(db),
    submissions: sqlSubmissions(db, dialect),
    calendar: sqlCalendarOverrides(db),
    nominations: sqlNominations(db),
    outbox: sqlOutbox(db, dialect),
    reminderClaims: sqlReminderClaims(db),
    openDrafts: sqlOpenDrafts(db),
    files: sqlFiles(db),
    broadcasts: sqlBroadcasts(db),
  };
}
