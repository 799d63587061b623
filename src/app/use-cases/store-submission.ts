import { reviseSubmission, type Submission, type ValueChange } from '../../domain/submission.ts';
import type { AuditActor, Repositories } from '../ports.ts';

export interface StoredSubmission {
  saved: Submission;
  /** What the save replaced, read under the unit's lock; undefined for a first save. */
  previous: Submission | undefined;
  /** The values that changed against `previous`, as audited. */
  changes: ValueChange[];
}

/**
 * Saves a unit's report (a focal point's, the secretariat's on its behalf, a return): takes the
 * unit's lock, reads what is stored, lets the domain settle revision, timeliness and changes
 * (`reviseSubmission`), writes it with its audit. Joins the caller's unit of work, so the lock lasts
 * until the update commits. `previous` may be passed when the caller already read it under the lock
 * in this transaction (a report step does), so the row is read once.
 */
export async function storeSubmission(
  repos: Pick<Repositories, 'unitOfWork' | 'submissions'>,
  next: Submission,
  audit: { actor: AuditActor; at: Date; reason?: string },
  locked?: { previous: Submission | undefined },
): Promise<StoredSubmission> {
  return repos.unitOfWork.run(async () => {
    const { blocId, periodId, unitId } = next;
    let previous = locked?.previous;
    if (!locked) {
      await repos.submissions.lock(blocId, periodId, unitId);
      previous = await repos.submissions.find(blocId, periodId, unitId);
    }
    const { submission, changes } = reviseSubmission(previous, next, audit.at);
    await repos.submissions.write(submission, { ...audit, changes });
    return { saved: submission, previous, changes };
  });
}
