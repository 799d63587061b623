import { z } from 'zod';
import type { Aggregation, IndicatorKind, MeasureUnit, TieBreak, UnitType } from '../domain/bloc.ts';
import { errorKey } from './bloc-messages.ts';
import {
  checkBandOrder,
  checkCalendarOrder,
  checkIndicator,
  checkOfficeHours,
  checkUnique,
  isCalendarDate,
} from './bloc-local-checks.ts';

/**
 * The bloc file (YAML) as the secretariat's clerk writes it: snake_case keys, strict objects (a typo
 * such as `grace_day` is an error, never silently ignored), defaults where a clerk can leave a key out.
 * Defaults that depend on an indicator's kind (decimals, range, unit) are applied in
 * `bloc-mapping.ts`; checks across sections (head is a member, plan keys exist…) in `bloc-checks.ts`.
 */

/** Every member of a string union, checked by the compiler in both directions. */
const allOf =
  <T extends string>() =>
  <const A extends readonly [T, ...T[]]>(values: A & ([T] extends [A[number]] ? unknown : never)): A =>
    values;

export const INDICATOR_KINDS = allOf<IndicatorKind>()([
  'percent_of_plan',
  'percent',
  'amount',
  'count',
  'number',
  'ratio',
  'yoy_percent',
]);
// The domain's list, checked here in both directions against the type.
const SCHEMA_UNITS = allOf<MeasureUnit>()([
  'billion_vnd',
  'million_vnd',
  'thousand_vnd',
  'vnd',
  'percent',
  'people',
  'communes',
  'times',
  'criteria',
  'items',
]);
const UNIT_TYPES = allOf<UnitType>()([
  'district',
  'town',
  'city',
  'commune',
  'ward',
  'special_zone',
  'department',
  'other',
]);
const AGGREGATIONS = allOf<Aggregation>()(['cumulative', 'period', 'stock']);
const TIE_BREAKS = allOf<TieBreak>()(['total', 'on_time', 'submitted_at', 'name']);

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const kebabId = z.string().regex(KEBAB, { error: errorKey('notKebab') });
const text = z
  .string()
  .trim()
  .min(1, { error: errorKey('emptyText') });
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const positive = z.number().positive();
const clock = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: errorKey('timeFormat') })
  .transform((s) => s.padStart(5, '0'));
const isoDate = z.string().refine(isCalendarDate, { error: errorKey('dateFormat') });
const timezone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: errorKey('unknownTimezone') },
);

const unitShape = { id: kebabId, name: text, type: z.enum(UNIT_TYPES) };
const yearShape = {
  units: z.array(z.strictObject(unitShape)).min(1),
  head: kebabId,
  deputy: kebabId.optional(),
  // Plan values are checked against the indicator's kind in bloc-checks.ts (whole numbers for counts).
  plans: z.record(kebabId, z.record(kebabId, positive)).default({}),
};

const bandShape = { from: z.number(), points: z.number().min(0) };
const bonusShape = { step_percent: positive, points: positive, max: positive };
const minusShape = {
  below_percent: z.number().min(0).max(1000),
  step_percent: positive,
  points: positive,
  max: positive,
};
const scoringRuleShape = {
  benchmark: z.number().positive().max(1000),
  method: z.enum(['linear', 'bands']).default('linear'),
  target: positive.optional(),
  cap_percent: z.number().min(100).max(1000).default(100),
  bands: z.array(z.strictObject(bandShape)).min(1).superRefine(checkBandOrder).optional(),
  bonus: z.strictObject(bonusShape).optional(),
  minus: z.strictObject(minusShape).optional(),
};

const rangeShape = { min: z.number(), max: z.number() };
const indicatorShape = {
  code: kebabId,
  name_vi: text,
  // A clerk may leave the English name out: English readers then see the Vietnamese one.
  name_en: text.optional(),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.enum(SCHEMA_UNITS).optional(),
  decimals: int(0, 6).optional(),
  range: z
    .strictObject(rangeShape)
    .refine((r) => r.min < r.max, { error: errorKey('rangeOrder') })
    .optional(),
  required: z.boolean().default(true),
  aggregation: z.enum(AGGREGATIONS),
  ratio_at_most_one: z.boolean().optional(),
  scoring: z.strictObject(scoringRuleShape).optional(),
};

const movementShape = { id: kebabId, name: text };

const calendarDayShape = { day: int(1, 31), month_offset: int(0, 2).default(0) };
const calendarDay = z.strictObject(calendarDayShape);
const calendarShape = {
  timezone: timezone.default('Asia/Ho_Chi_Minh'),
  open: calendarDay,
  due: calendarDay,
  grace_days: int(0, 31).default(0),
  lock: calendarDay,
  reopen_days: int(1, 31).default(3),
};

const officeHoursShape = { start: clock.default('07:30'), end: clock.default('17:00') };
const reminderShape = {
  before_due_days: z.array(int(0, 31)).superRefine(checkUnique).default([3, 1, 0]),
  late_every_days: int(1, 31).default(1),
  escalate_after_late_days: int(0, 31).default(3),
  send_at: clock.default('08:30'),
  office_hours: z.strictObject(officeHoursShape).prefault({}),
  weekdays: z.array(int(1, 7)).min(1).superRefine(checkUnique).default([1, 2, 3, 4, 5]),
  holidays: z.array(isoDate).superRefine(checkUnique).default([]),
};

const scoringPolicyShape = {
  late_penalty: z.number().min(0).default(1),
  missing_penalty: z.number().min(0).default(2),
  tie_break: z
    .array(z.enum(TIE_BREAKS))
    .min(1)
    .superRefine(checkUnique)
    .refine((list) => list[0] === 'total', { error: errorKey('tieBreakTotal') })
    .default(['total', 'on_time', 'submitted_at', 'name']),
};

const optionsShape = {
  auto_post_standings: z.boolean().default(true),
  post_progress_on_due: z.boolean().default(true),
  focal_sees_full_table: z.boolean().default(false),
  privacy_notice: text.optional(),
};

const blocShape = {
  id: kebabId,
  name: text,
  years: z
    .record(z.string().regex(/^\d{4}$/, { error: errorKey('yearDigits') }), z.strictObject(yearShape))
    .refine((years) => Object.keys(years).length > 0, { error: errorKey('noYears') }),
  indicators: z.array(z.strictObject(indicatorShape).superRefine(checkIndicator)).min(1),
  movements: z.array(z.strictObject(movementShape)).min(1),
  calendar: z.strictObject(calendarShape).superRefine(checkCalendarOrder),
  reminders: z.strictObject(reminderShape).superRefine(checkOfficeHours).prefault({}),
  scoring: z.strictObject(scoringPolicyShape).prefault({}),
  options: z.strictObject(optionsShape).prefault({}),
};

/** The bloc file, without the cross-section checks (`bloc-checks.ts` adds them in the loader). */
export const blocFileSchema = z.strictObject(blocShape);

export type BlocFile = z.output<typeof blocFileSchema>;
export type BlocFileIndicator = BlocFile['indicators'][number];
export type BlocFileScoringRule = NonNullable<BlocFileIndicator['scoring']>;

/** Every key the file may use, to suggest the right one for a typo (`grace_day` → `grace_days`). */
export const BLOC_FILE_KEYS: readonly string[] = [
  ...new Set(
    [
      blocShape,
      unitShape,
      yearShape,
      bandShape,
      bonusShape,
      minusShape,
      scoringRuleShape,
      rangeShape,
      indicatorShape,
      movementShape,
      calendarDayShape,
      calendarShape,
      officeHoursShape,
      reminderShape,
      scoringPolicyShape,
      optionsShape,
    ].flatMap((shape) => Object.keys(shape)),
  ),
];
