/**
 * The ports of the app layer, one import for everyone: the interfaces live in `ports/` by concern
 * (transactions and sessions, people and access, reports, delivery, rendering, files).
 */
import type { UnitOfWork, ProcessedUpdates } from './ports/core.ts';
import type { BlocRecords, Groups, Invites, OpenDrafts, People, Registrations } from './ports/people.ts';
import type { CalendarOverrides, Nominations, Submissions } from './ports/reports.ts';
import type { Outbox, ReminderClaims } from './ports/delivery.ts';
import type { Files } from './ports/files.ts';
import type { Broadcasts } from './ports/broadcasts.ts';

export type * from './ports/core.ts';
export type * from './ports/people.ts';
export type * from './ports/reports.ts';
export type * from './ports/delivery.ts';
export type * from './ports/rendering.ts';
export type * from './ports/files.ts';
export type * from './ports/broadcasts.ts';

/** Everything storage provides, built once by the composition root. */
export interface Repositories {
  unitOfWork: UnitOfWork;
  processedUpdates: ProcessedUpdates;
  blocs: BlocRecords;
  people: People;
  invites: Invites;
  registrations: Registrations;
  groups: Groups;
  submissions: Submissions;
  calendar: CalendarOverrides;
  nominations: Nominations;
  outbox: Outbox;
  reminderClaims: ReminderClaims;
  openDrafts: OpenDrafts;
  files: Files;
  broadcasts: Broadcasts;
}
