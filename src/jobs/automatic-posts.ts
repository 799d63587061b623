import { msg, type Lang, type Message, type Reply } from '../app/messages.ts';
import { toPayload } from '../app/outbox-payload.ts';
import type { Log, ReportRendering, Repositories } from '../app/ports.ts';
import { periodProgress } from '../app/use-cases/progress.ts';
import { computeStandings } from '../app/use-cases/standings.ts';
import type { Bloc } from '../domain/bloc.ts';
import { progressMessage, ratesMessage } from '../flows/progress/lines.ts';
import { displayDeadline, periodLabel } from '../flows/shared/format.ts';
import { standingsChart, tableMessage } from '../flows/standings/replies.ts';
import { leaderReaders } from './bloc-readers.ts';
import { duePosts, type DuePost } from './post-timing.ts';

export interface AutomaticPostsDeps {
  blocs: readonly Bloc[];
  repos: Pick<
    Repositories,
    'unitOfWork' | 'submissions' | 'calendar' | 'groups' | 'registrations' | 'people' | 'outbox' | 'reminderClaims'
  >;
  rendering: ReportRendering;
  /** Wakes the sender once messages are queued. */
  kick?: () => void;
  log?: Log;
}

/** Posts made by one run, by kind (a post is one claim won, whatever the number of chats). */
export interface AutomaticPostsReport {
  standings: number;
  progress: number;
  failed: number;
}

/** The post's reply in one language: the table with its chart and the rates, or the digest. */
async function contentOf(
  deps: AutomaticPostsDeps,
  bloc: Bloc,
  post: DuePost,
  now: Date,
): Promise<(lang: Lang) => Promise<Reply>> {
  const { repos } = deps;
  const progress = await periodProgress(repos, bloc, post.periodId, now);
  const period = periodLabel(post.periodId);
  if (post.kind === 'progress-digest') {
    const due = displayDeadline(post.instants.onTimeUntil, bloc.calendar.timezone);
    const digest: Message = msg('progress.post.digest', { period, due, progress: progressMessage(progress) });
    return () => Promise.resolve(digest);
  }
  const report = await computeStandings(repos, bloc, { kind: 'period', periodId: post.periodId }, now);
  const text = msg('standings.post.locked', { period, table: tableMessage(report), rates: ratesMessage(progress) });
  const charts = new Map<Lang, Promise<Uint8Array>>();
  return async (lang) => {
    let png = charts.get(lang);
    if (!png) charts.set(lang, (png = standingsChart(deps.rendering, report, lang)));
    return { ...text, image: { png: await png } };
  };
}

/**
 * Makes one post, exactly once: the claim (`reminder_claims`, unit `*`) and the outbox rows commit in
 * one transaction, so of two runs at once (two processes, an overlapping tick) one posts and the
 * other finds the claim taken. The content is computed inside, after the claim: a run that finds it
 * taken, every few minutes for days, costs one insert instead of standings and a chart. Nobody to
 * post to: nothing is claimed, so a group registered later in the window still gets it.
 */
async function post(deps: AutomaticPostsDeps, bloc: Bloc, due: DuePost, now: Date): Promise<boolean> {
  const recipients = await leaderReaders(deps.repos, bloc.id);
  if (recipients.length === 0) return false;
  const { repos } = deps;
  return repos.unitOfWork.run(async () => {
    const key = { blocId: bloc.id, periodId: due.periodId, unitId: '*', kind: due.kind, day: due.day };
    if (!(await repos.reminderClaims.claim(key, now))) return false;
    const replyIn = await contentOf(deps, bloc, due, now);
    const rows = [];
    for (const r of recipients) {
      const payload = toPayload(await replyIn(r.lang), r.lang);
      rows.push({ channel: r.channel, chatId: r.chatId, payload, createdAt: now, expiresAt: due.until });
    }
    await repos.outbox.enqueue(rows);
    return true;
  });
}

/**
 * The automatic posts (issue 9), a plain function of `(deps, now)` run every few minutes: for each
 * bloc, each post due now (`duePosts`) is made once. A failure is logged and the other posts and
 * blocs go on; the next run tries a failed post again (its claim was rolled back with it).
 */
export async function runAutomaticPosts(deps: AutomaticPostsDeps, now: Date): Promise<AutomaticPostsReport> {
  const report: AutomaticPostsReport = { standings: 0, progress: 0, failed: 0 };
  for (const bloc of deps.blocs) {
    let due: DuePost[];
    try {
      const extensions = new Map((await deps.repos.calendar.extensions(bloc.id)).map((e) => [e.periodId, e.dueDate]));
      due = duePosts(bloc, now, extensions);
    } catch (error) {
      deps.log?.error({ err: error, bloc: bloc.id }, 'automatic posts: calendar unreadable');
      report.failed += 1;
      continue;
    }
    for (const d of due) {
      try {
        if (!(await post(deps, bloc, d, now))) continue;
        if (d.kind === 'standings-post') report.standings += 1;
        else report.progress += 1;
        deps.log?.info({ bloc: bloc.id, period: d.periodId, kind: d.kind }, 'automatic post queued');
      } catch (error) {
        report.failed += 1;
        deps.log?.error({ err: error, bloc: bloc.id, period: d.periodId, kind: d.kind }, 'automatic post failed');
      }
    }
  }
  if (report.standings + report.progress > 0) deps.kick?.();
  return report;
}
