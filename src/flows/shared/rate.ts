import { msg, type Message } from '../../app/messages.ts';
import type { PeriodReporting } from '../../app/use-cases/reporting-status.ts';

/** "đã nộp 6/9 đơn vị, đúng hạn 5/9" (domain.md, "Completeness"). */
export function rateMessage(reporting: PeriodReporting): Message {
  return msg('common.rate', { submitted: reporting.submitted, onTime: reporting.onTime, expected: reporting.expected });
}
