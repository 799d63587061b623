import { foldText } from './text-fold.ts';

/** An advanced model (điển hình tiên tiến) is a collective (tập thể) or an individual (cá nhân). */
export type NomineeKind = 'collective' | 'individual';

export const ACHIEVEMENTS_MAX_LENGTH = 2000;
export const NOMINEE_NAME_MAX_LENGTH = 200;

/**
 * A unit's nomination in one movement and year. Position and workplace are personal data kept only
 * for individuals (Personal Data Protection Law): collect only what the nomination needs.
 */
export interface Nomination {
  id?: number;
  blocId: string;
  unitId: string;
  year: number;
  kind: NomineeKind;
  name: string;
  position?: string;
  workplace?: string;
  movementId: string;
  achievements: string;
  photoRef?: string;
  createdAt?: Date;
}

/** Key under which two nominations count as the same nominee (likely duplicate). */
export function nomineeKey(n: Pick<Nomination, 'name' | 'movementId' | 'year'>): string {
  return `${n.year}|${n.movementId}|${foldText(n.name)}`;
}
