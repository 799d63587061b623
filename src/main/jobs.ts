import { runAutomaticPosts } from '../jobs/automatic-posts.ts';
import { runMaintenance } from '../jobs/maintenance.ts';
import { runReminders } from '../jobs/reminders.ts';
import { runPeriodLocks } from '../jobs/period-locks.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import type { Program } from '../main.ts';

/**
 * The scheduled jobs: every night at 03:15, old update ids, finished outbox rows, expired sessions
 * and expired files (served images, export links, photos no nomination took) go; every five minutes,
 * the reminders and escalations the bloc's policy makes due, and the automatic posts that fell due
 * (standings when a period locks, progress the day after its due date) are queued, each once, and
 * the report drafts of periods that locked are closed (their person told once), each in its
 * session's turn through the engine; every minute, broadcasts still sending are looked at again.
 */
export function jobsOf(program: Program): ScheduledJob[] {
  const { repos, sessionKeyv, services, dispatcher, engine, log } = program;
  const maintenance = {
    processedUpdates: repos.processedUpdates,
    outbox: repos.outbox,
    files: repos.files,
    purgeExpiredSessions: (at: Date) => sessionKeyv.purgeExpired(at),
  };
  const posts = {
    blocs: program.blocs,
    repos,
    rendering: services.rendering,
    kick: () => dispatcher.kick(),
    log: log.child({ job: 'automatic-posts' }),
  };
  const reminders = {
    blocs: program.blocs,
    repos,
    kick: () => dispatcher.kick(),
    log: log.child({ job: 'reminders' }),
  };
  // Progress follows each broadcast row as it is sent; this picks up a broadcast whose last row
  // settled in a run that stopped before it told the secretariat (a crash, a restart).
  const resumeBroadcasts = async () => {
    const looked = await program.broadcastProgress.resume();
    if (looked > 0) dispatcher.kick();
    return { broadcasts: looked };
  };
  const locks = { blocs: program.blocs, repos, engine, log: log.child({ job: 'period-locks' }) };
  return [
    { name: 'maintenance', cron: '15 3 * * *', run: (now: Date) => runMaintenance(maintenance, now) },
    { name: 'reminders', cron: '*/5 * * * *', run: (now: Date) => runReminders(reminders, now) },
    { name: 'automatic-posts', cron: '*/5 * * * *', run: (now: Date) => runAutomaticPosts(posts, now) },
    { name: 'broadcast-progress', cron: '* * * * *', run: resumeBroadcasts },
    { name: 'period-locks', cron: '*/5 * * * *', run: (now: Date) => runPeriodLocks(locks, now) },
  ];
}
