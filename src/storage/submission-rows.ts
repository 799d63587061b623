import type { Insertable, Selectable } from 'kysely';
import type { AuditActor, AuditEntry, AuditedValue } from '../app/ports.ts';
import type { FigureValue } from '../domain/figure.ts';
import type { ReportedValue, Submission, SubmissionStatus, ValueChange } from '../domain/submission.ts';
import { actorColumns, flag, isoOrNull, opt, optDate, toActor, toDate } from './codec.ts';
import type { SubmissionAuditTable, SubmissionsTable, SubmissionValuesTable } from './schema.ts';

/** The columns a figure is stored in: the number (for sorting and sums) and a ratio's two parts. */
interface FigureColumns {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export function figureColumns(figure: FigureValue): FigureColumns {
  if (figure.type === 'scalar') return { value: figure.value, numerator: null, denominator: null };
  const { numerator, denominator } = figure;
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

export function toFigure(c: FigureColumns): FigureValue {
  if (c.numerator !== null && c.denominator !== null)
    return { type: 'ratio', numerator: c.numerator, denominator: c.denominator };
  return { type: 'scalar', value: c.value ?? Number.NaN };
}

export function valueRow(s: Submission, v: ReportedValue): Insertable<SubmissionValuesTable> {
  return {
    bloc_id: s.blocId,
    period_id: s.periodId,
    unit_id: s.unitId,
    indicator_code: v.indicatorCode,
    raw: v.raw,
    ...figureColumns(v.value),
    note: v.note ?? null,
    estimate: flag(v.estimate),
    confirmed_out_of_range: flag(v.confirmedOutOfRange === true),
    confirmed_validation: flag(v.confirmedValidation === true),
  };
}

/** The two confirmation flags, present only when set (a value never confirmed reads back without them). */
function withConfirmations<T extends object>(value: T, outOfRange: number | null, validation: number | null) {
  return {
    ...value,
    ...(outOfRange === 1 ? { confirmedOutOfRange: true } : {}),
    ...(validation === 1 ? { confirmedValidation: true } : {}),
  };
}

export function toReportedValue(row: Selectable<SubmissionValuesTable>): ReportedValue {
  const value: ReportedValue = {
    indicatorCode: row.indicator_code,
    raw: row.raw,
    value: toFigure(row),
    note: opt(row.note),
    estimate: row.estimate === 1,
  };
  return withConfirmations(value, row.confirmed_out_of_range, row.confirmed_validation);
}

export function submissionRow(s: Submission, revision: number, at: Date): Insertable<SubmissionsTable> {
  return {
    bloc_id: s.blocId,
    period_id: s.periodId,
    unit_id: s.unitId,
    status: s.status,
    revision,
    first_submitted_at: isoOrNull(s.firstSubmittedAt),
    last_submitted_at: isoOrNull(s.lastSubmittedAt),
    on_time: s.onTime === undefined ? null : flag(s.onTime),
    return_reason: s.returnReason ?? null,
    revise_by: isoOrNull(s.reviseBy),
    updated_at: at.toISOString(),
  };
}

export function toSubmission(row: Selectable<SubmissionsTable>, values: ReportedValue[]): Submission {
  return {
    blocId: row.bloc_id,
    periodId: row.period_id,
    unitId: row.unit_id,
    status: row.status as SubmissionStatus,
    values,
    firstSubmittedAt: optDate(row.first_submitted_at),
    lastSubmittedAt: optDate(row.last_submitted_at),
    onTime: row.on_time === null ? undefined : row.on_time === 1,
    revision: row.revision,
    returnReason: opt(row.return_reason),
    reviseBy: optDate(row.revise_by),
  };
}

type AuditSide =
  | 'raw'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'note'
  | 'estimate'
  | 'confirmed_out_of_range'
  | 'confirmed_validation';

function side(prefix: 'old' | 'new', v: ReportedValue | undefined) {
  const f = v === undefined ? { value: null, numerator: null, denominator: null } : figureColumns(v.value);
  return {
    [`${prefix}_raw`]: v?.raw ?? null,
    [`${prefix}_value`]: f.value,
    [`${prefix}_numerator`]: f.numerator,
    [`${prefix}_denominator`]: f.denominator,
    [`${prefix}_note`]: v?.note ?? null,
    [`${prefix}_estimate`]: v === undefined ? null : flag(v.estimate),
    [`${prefix}_confirmed_out_of_range`]: v === undefined ? null : flag(v.confirmedOutOfRange === true),
    [`${prefix}_confirmed_validation`]: v === undefined ? null : flag(v.confirmedValidation === true),
  };
}

export function auditRow(
  s: Submission,
  revision: number,
  { indicatorCode, before, after }: ValueChange,
  audit: { actor: AuditActor; at: Date; reason?: string },
): Insertable<SubmissionAuditTable> {
  return {
    bloc_id: s.blocId,
    period_id: s.periodId,
    unit_id: s.unitId,
    indicator_code: indicatorCode,
    revision,
    ...(side('old', before) as Pick<SubmissionAuditTable, `old_${AuditSide}`>),
    ...(side('new', after) as Pick<SubmissionAuditTable, `new_${AuditSide}`>),
    ...actorColumns('actor', audit.actor),
    at: audit.at.toISOString(),
    reason: audit.reason ?? null,
  };
}

function auditedSide(
  raw: string | null,
  f: FigureColumns,
  note: string | null,
  estimate: number | null,
  confirmed: { outOfRange: number | null; validation: number | null },
): AuditedValue | undefined {
  if (raw === null) return undefined;
  const value: AuditedValue = { raw, value: toFigure(f), note: opt(note), estimate: estimate === 1 };
  return withConfirmations(value, confirmed.outOfRange, confirmed.validation);
}

export function toAuditEntry(r: Selectable<SubmissionAuditTable>): AuditEntry {
  return {
    id: r.id,
    blocId: r.bloc_id,
    periodId: r.period_id,
    unitId: r.unit_id,
    indicatorCode: r.indicator_code,
    revision: r.revision,
    before: auditedSide(
      r.old_raw,
      { value: r.old_value, numerator: r.old_numerator, denominator: r.old_denominator },
      r.old_note,
      r.old_estimate,
      { outOfRange: r.old_confirmed_out_of_range, validation: r.old_confirmed_validation },
    ),
    after: auditedSide(
      r.new_raw,
      { value: r.new_value, numerator: r.new_numerator, denominator: r.new_denominator },
      r.new_note,
      r.new_estimate,
      { outOfRange: r.new_confirmed_out_of_range, validation: r.new_confirmed_validation },
    ),
    actor: toActor(r.actor_channel, r.actor_user_id, r.actor_name),
    at: toDate(r.at),
    reason: opt(r.reason),
  };
}
