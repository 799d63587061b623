import type { FigureValue } from '../../src/domain/figure.ts';
import type { ReportedValue, Submission, SubmissionStatus } from '../../src/domain/submission.ts';
import type { AuditActor, Repositories } from '../../src/app/ports.ts';
import { storeSubmission } from '../../src/app/use-cases/store-submission.ts';
import type { Harness } from './flow-harness.ts';

/** Saves a report the way the program does (domain rules, the unit's lock, storage); returns what was stored. */
export async function saveSubmission(
  repos: Pick<Repositories, 'unitOfWork' | 'submissions'>,
  submission: Submission,
  audit: { actor: AuditActor; at: Date; reason?: string },
): Promise<Submission> {
  return (await storeSubmission(repos, submission, audit)).saved;
}

/** A reported value; scalars by default, `a/b` for ratios. */
export function value(
  indicatorCode: string,
  figure: number | [number, number],
  extra: Partial<ReportedValue> = {},
): ReportedValue {
  const v: FigureValue = Array.isArray(figure)
    ? { type: 'ratio', numerator: figure[0], denominator: figure[1] }
    : { type: 'scalar', value: figure };
  return {
    indicatorCode,
    raw: Array.isArray(figure) ? `${figure[0]}/${figure[1]}` : String(figure),
    value: v,
    estimate: false,
    ...extra,
  };
}

/**
 * Stores a unit's report straight through the repository (the report flow is not needed to read
 * status): submitted at `at` unless another status is given; `onTime` left out lets readers judge it.
 */
export async function saveReport(
  h: Harness,
  unitId: string,
  periodId: string,
  at: Date,
  options: {
    status?: SubmissionStatus;
    onTime?: boolean;
    values?: ReportedValue[];
    returnReason?: string;
    reviseBy?: Date;
  } = {},
): Promise<Submission> {
  const status = options.status ?? 'submitted';
  const sent = status !== 'draft';
  return saveSubmission(
    h.program.repos,
    {
      blocId: h.bloc.id,
      periodId,
      unitId,
      status,
      values: options.values ?? [value('thu-ngan-sach', 30)],
      firstSubmittedAt: sent ? at : undefined,
      lastSubmittedAt: sent ? at : undefined,
      onTime: options.onTime,
      revision: 0,
      returnReason: options.returnReason,
      reviseBy: options.reviseBy,
    },
    { actor: { channel: 'console', userId: 'test' }, at },
  );
}

/** A local (UTC+7) wall-clock time in the example bloc's zone as an instant. */
export function local(isoLocal: string): Date {
  return new Date(`${isoLocal}+07:00`);
}
