import { blocYear, type Bloc } from '../../domain/bloc.ts';
import { localDateOf } from '../../domain/calendar/index.ts';
import {
  ACHIEVEMENTS_MAX_LENGTH,
  NOMINEE_NAME_MAX_LENGTH,
  nomineeKey,
  type Nomination,
} from '../../domain/nomination.ts';
import type { Repositories } from '../ports.ts';

/** Position (chức vụ) and workplace (nơi công tác) of an individual: short, like the name. */
export const NOMINEE_DETAIL_MAX_LENGTH = 200;
/** Fewer characters than this cannot describe an achievement a council could weigh. */
export const ACHIEVEMENTS_MIN_LENGTH = 20;

/** The free-text fields of a nomination and their bounds. */
export type NominationTextField = 'name' | 'position' | 'workplace' | 'achievements';

export const TEXT_BOUNDS: Record<NominationTextField, { min: number; max: number }> = {
  name: { min: 1, max: NOMINEE_NAME_MAX_LENGTH },
  position: { min: 1, max: NOMINEE_DETAIL_MAX_LENGTH },
  workplace: { min: 1, max: NOMINEE_DETAIL_MAX_LENGTH },
  achievements: { min: ACHIEVEMENTS_MIN_LENGTH, max: ACHIEVEMENTS_MAX_LENGTH },
};

export type TextCheck =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'tooShort' | 'tooLong'; length: number; min: number; max: number };

/**
 * Reads a typed field: runs of spaces collapse (a phone keyboard adds them), then the length is
 * checked against the field's bounds. Line breaks are kept in achievements, which are prose.
 */
export function checkText(field: NominationTextField, typed: string): TextCheck {
  const value =
    field === 'achievements'
      ? typed
          .replace(/[^\S\n]+/g, ' ')
          .replace(/ *\n */g, '\n')
          .trim()
      : typed.replace(/\s+/g, ' ').trim();
  const { min, max } = TEXT_BOUNDS[field];
  if (value.length === 0) return { ok: false, reason: 'empty' };
  // Count characters as people see them, not UTF-16 units.
  const length = [...value].length;
  if (length < min) return { ok: false, reason: 'tooShort', length, min, max };
  if (length > max) return { ok: false, reason: 'tooLong', length, min, max };
  return { ok: true, value };
}

/** The year a nomination made now belongs to: the calendar year in the bloc's time zone. */
export function nominationYear(bloc: Bloc, now: Date): number {
  return localDateOf(now, bloc.calendar.timezone).year;
}

/** Whether the unit is a member of the bloc in that year (the latest year of the file stands in). */
export function isMemberIn(bloc: Bloc, unitId: string, year: number): boolean {
  return blocYear(bloc, year).year.units.some((u) => u.id === unitId);
}

/** Live nominations of any unit with the same folded name in the same movement and year. */
export function likelyDuplicates(
  repos: Pick<Repositories, 'nominations'>,
  blocId: string,
  nominee: Pick<Nomination, 'name' | 'movementId' | 'year'>,
): Promise<Nomination[]> {
  return repos.nominations.findByNomineeKey(blocId, nomineeKey(nominee));
}

/**
 * Stores a nomination. Position and workplace are kept only for an individual (collect only what the
 * nomination needs). Runs inside the update's transaction, like every write of a conversation.
 */
export function createNomination(
  repos: Pick<Repositories, 'nominations'>,
  nomination: Nomination,
): Promise<Nomination & { id: number; createdAt: Date }> {
  const individual = nomination.kind === 'individual';
  return repos.nominations.create({
    ...nomination,
    position: individual ? nomination.position : undefined,
    workplace: individual ? nomination.workplace : undefined,
  });
}

/** The unit's live nominations of the year, oldest first. */
export function unitNominations(
  repos: Pick<Repositories, 'nominations'>,
  blocId: string,
  unitId: string,
  year: number,
): Promise<Nomination[]> {
  return repos.nominations.listForUnit(blocId, unitId, year);
}
