import { msg, type Message } from '../../app/messages.ts';
import type { UnitReportStatus } from '../../app/use-cases/reporting-status.ts';
import { displayDateTime, displayDay, displayDeadline } from './format.ts';

/** "đúng hạn" / "muộn", or unknown for a report stored without a submission time. */
export function timelinessLabel(onTime: boolean | undefined): Message {
  if (onTime === undefined) return msg('common.timeliness.unknown');
  return msg(onTime ? 'common.timeliness.onTime' : 'common.timeliness.late');
}

/** Timeliness, revision and time of the last sending of a report that has been sent. */
export function sentParams(
  s: UnitReportStatus,
  timezone: string,
): { timeliness: Message; revision: number; at: string } {
  const last = s.submission?.lastSubmittedAt ?? s.submission?.firstSubmittedAt;
  return {
    timeliness: timelinessLabel(s.onTime),
    revision: s.submission?.revision ?? 0,
    at: last ? displayDateTime(last, timezone) : '—',
  };
}

/** Where a report that is not in stands against the calendar: due, late, reopened, locked. */
function pendingState(s: UnitReportStatus, timezone: string): Message {
  if (s.reopenedUntil) return msg('common.reportState.reopened', { until: displayDeadline(s.reopenedUntil, timezone) });
  switch (s.state) {
    case 'not_open':
      return msg('common.reportState.notOpen', {
        openAt: displayDay(s.instants.openAt, timezone),
        due: displayDeadline(s.instants.onTimeUntil, timezone),
      });
    case 'open':
    case 'due':
      return msg('common.reportState.due', { due: displayDeadline(s.instants.onTimeUntil, timezone) });
    case 'late':
      return msg('common.reportState.late', {
        since: displayDay(s.instants.onTimeUntil, timezone),
        lock: displayDeadline(s.instants.lockAt, timezone),
      });
    case 'locked':
      return msg('common.reportState.locked', { due: displayDeadline(s.instants.onTimeUntil, timezone) });
  }
}

/**
 * One unit's report for one period in a few words, shared by /trangthai, /xem and /chuanop so a
 * state reads the same everywhere: sent (on time or late, revision, when), accepted, returned (with
 * the reason and the date to revise by), or not in yet and where it stands against the calendar.
 */
export function reportStateMessage(s: UnitReportStatus, timezone: string): Message {
  if (s.status === 'submitted') return msg('common.reportState.submitted', sentParams(s, timezone));
  if (s.status === 'accepted') return msg('common.reportState.accepted', sentParams(s, timezone));
  if (s.status === 'returned') {
    const reason = s.submission?.returnReason ?? '—';
    const reviseBy = s.submission?.reviseBy;
    return reviseBy
      ? msg('common.reportState.returned', { reason, until: displayDeadline(reviseBy, timezone) })
      : msg('common.reportState.returnedNoDate', { reason });
  }
  const state = pendingState(s, timezone);
  return s.status === 'draft' ? msg('common.reportState.draft', { state }) : state;
}
