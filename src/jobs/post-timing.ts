import type { Bloc } from '../domain/bloc.ts';
import {
  addDays,
  addMonths,
  currentPeriod,
  formatLocalDate,
  localDateOf,
  periodInstants,
  startOfLocalDay,
  type PeriodId,
  type PeriodInstants,
} from '../domain/calendar/index.ts';

/** Which automatic post: the standings when a period locks, the progress digest after its due date. */
export type PostKind = 'standings-post' | 'progress-digest';

/** One post the bloc owes now: its period, its instants, and the claim day that makes it happen once. */
export interface DuePost {
  kind: PostKind;
  periodId: PeriodId;
  instants: PeriodInstants;
  /** When it became due ('YYYY-MM-DD' of that instant is the claim's day). */
  at: Date;
  day: string;
  /** After this it is stale: a bot that was down longer does not post old news. */
  until: Date;
}

/** Standings still matter a few days after the lock; a digest of who is late only on its day. */
const STANDINGS_STALE_DAYS = 3;
const PROGRESS_STALE_DAYS = 1;

/**
 * The bloc's reminder hour (`reminders.send_at`) on the local day of `midnight`: a post to the leaders'
 * group goes out in office hours, not at the midnight its period locked. Vietnam has no summer time,
 * so minutes after local midnight are minutes of the clock.
 */
function atSendTime(bloc: Bloc, midnight: Date): Date {
  const [hours = 0, minutes = 0] = bloc.reminders.sendAt.split(':').map(Number);
  return new Date(midnight.getTime() + (hours * 60 + minutes) * 60_000);
}

function duePost(bloc: Bloc, kind: PostKind, periodId: PeriodId, instants: PeriodInstants, from: Date): DuePost {
  const zone = bloc.calendar.timezone;
  const at = atSendTime(bloc, from);
  const day = localDateOf(from, zone);
  const staleDays = kind === 'standings-post' ? STANDINGS_STALE_DAYS : PROGRESS_STALE_DAYS;
  return {
    kind,
    periodId,
    instants,
    at,
    day: formatLocalDate(day),
    until: startOfLocalDay(addDays(day, staleDays), zone),
  };
}

/**
 * The automatic posts of a bloc that are due at `now` (design.md, issue 9): the standings of a period
 * from the reminder hour of the day it locks (`lockAt`, a midnight), and, with
 * `options.post_progress_on_due`, the progress digest from the reminder hour of the day after its
 * due date (`onTimeUntil`: the first day a report is late, grace days included). Extensions
 * (`/giahan`, per period) move both. Only the last few periods can be due: a lock comes at most
 * two months after its period.
 */
export function duePosts(bloc: Bloc, now: Date, extensions: ReadonlyMap<PeriodId, string>): DuePost[] {
  const current = currentPeriod(bloc.calendar, now);
  const due: DuePost[] = [];
  for (let back = 3; back >= 0; back--) {
    const periodId = addMonths(current, -back);
    const dueDate = extensions.get(periodId);
    const instants = periodInstants(bloc.calendar, periodId, dueDate ? { extension: { dueDate } } : undefined);
    const posts: DuePost[] = [];
    if (bloc.options.autoPostStandings)
      posts.push(duePost(bloc, 'standings-post', periodId, instants, instants.lockAt));
    if (bloc.options.postProgressOnDue)
      posts.push(duePost(bloc, 'progress-digest', periodId, instants, instants.onTimeUntil));
    for (const post of posts) if (now >= post.at && now < post.until) due.push(post);
  }
  return due;
}
