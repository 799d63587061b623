import { z } from 'zod';
import { MONEY_UNITS } from '../../domain/bloc.ts';

/** A figure as the domain reads it (`FigureValue`). */
export const FigureValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('scalar'), value: z.number() }),
  z.object({ type: z.literal('ratio'), numerator: z.number(), denominator: z.number() }),
]);

/** One figure of the draft: what was typed for it (`raw`), what it was read as, note and estimate. */
export const DraftValueSchema = z.object({
  raw: z.string(),
  value: FigureValueSchema,
  note: z.string().optional(),
  estimate: z.boolean(),
  /** Outside the indicator's valid range, and the person confirmed it. */
  confirmed: z.boolean().optional(),
  /** A validation rule asked it back (plan, previous month) and the person confirmed it. */
  confirmedRule: z.boolean().optional(),
});
export type DraftValue = z.infer<typeof DraftValueSchema>;

/**
 * A figure waiting for the person: two readings to choose from (`ambiguous`), a value outside the
 * valid range to confirm (`outOfRange`), a value a validation rule asks back (`check`, with the
 * `rule` and what it was compared with, `reference`: the plan or the previous month's figure), or a
 * bare number read as a share of the unit's plan (`shareOfPlan`: "17" → 17/17). Each but the first
 * has one reading. The first of the draft's queue is the one asked.
 */
export const OpenQuestionSchema = z.object({
  kind: z.enum(['ambiguous', 'outOfRange', 'check', 'shareOfPlan']),
  code: z.string(),
  raw: z.string(),
  note: z.string().optional(),
  estimate: z.boolean(),
  readings: z.array(FigureValueSchema).min(1).max(2),
  /** The money unit typed, when the figure was converted into the indicator's unit. */
  convertedFrom: z.enum(MONEY_UNITS).optional(),
  englishDecimal: z.boolean().optional(),
  rule: z.enum(['denominator', 'belowPrevious', 'aboveTenfold', 'belowTenth']).optional(),
  reference: z.number().optional(),
});
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

/** Choosing which open period to report for. */
export const ChooseDraftSchema = z.object({
  phase: z.literal('choose'),
  unitId: z.string(),
  periods: z.array(z.string()).min(1),
});

/**
 * Typing the figures of one period. `cursor` is the indicator asked (index in the bloc's order);
 * `mode` says where to go after it: `all` the next indicator, `missing` the first required one still
 * missing (after a bulk paste), `one` back to the summary (changing one item).
 * `sent` is what the unit sent for this period before (a revision), `previous` what it sent for the
 * period before (shown beside each question). `startedAt` is when the draft began.
 */
export const ReportDraftSchema = z.object({
  phase: z.literal('report'),
  unitId: z.string(),
  periodId: z.string(),
  planYear: z.number().int(),
  values: z.record(z.string(), DraftValueSchema),
  sent: z.record(z.string(), DraftValueSchema),
  previous: z.record(z.string(), DraftValueSchema),
  cursor: z.number().int().nonnegative(),
  mode: z.enum(['all', 'missing', 'one']),
  queue: z.array(OpenQuestionSchema),
  startedAt: z.string(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

export const FlowDraftSchema = z.discriminatedUnion('phase', [ChooseDraftSchema, ReportDraftSchema]);
export type FlowDraft = z.infer<typeof FlowDraftSchema>;
