import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadBlocs } from '../../../src/config/bloc-loader.ts';
import type { Bloc } from '../../../src/domain/bloc.ts';
import type { DueReminder } from '../../../src/domain/reminders/index.ts';

const EXAMPLE = fileURLToPath(new URL('../../../deploy/bloc.example.yaml', import.meta.url));

export async function exampleBloc(): Promise<Bloc> {
  const { blocs, errors } = await loadBlocs(EXAMPLE);
  expect(errors).toEqual([]);
  const [bloc] = blocs;
  if (!bloc) throw new Error('no bloc');
  return bloc;
}

/** The instant of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7), written out independently of the code. */
export const vn = (date: string, time = '00:00'): Date => new Date(`${date}T${time}:00+07:00`);

const HOUR_MS = 3_600_000;

/** `YYYY-MM-DD HH:MM` in UTC+7, for reading the fired reminders. */
function wallClock(instant: Date): string {
  return new Date(instant.getTime() + 7 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export interface WalkOptions {
  stepMinutes?: number;
  /** The job does not run in [from, to): the process is down. */
  down?: [Date, Date];
}

/**
 * A fake clock over [from, to): every `stepMinutes` the job asks what is due, claims each key once
 * (as `reminder_claims` would) and records `"YYYY-MM-DD HH:MM kind"` for each first claim.
 */
export function walk(from: Date, to: Date, due: (now: Date) => DueReminder[], options: WalkOptions = {}): string[] {
  const step = (options.stepMinutes ?? 15) * 60_000;
  const claimed = new Set<string>();
  const fired: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += step) {
    const now = new Date(t);
    if (options.down && now >= options.down[0] && now < options.down[1]) continue;
    for (const reminder of due(now)) {
      const key = JSON.stringify(reminder.key);
      if (claimed.has(key)) continue;
      claimed.add(key);
      // The claim's day is the local day it is sent on.
      expect(reminder.key.day).toBe(wallClock(now).slice(0, 10));
      fired.push(`${wallClock(now)} ${reminder.key.kind}`);
    }
  }
  return fired;
}

/** `"<day> 08:30 <kind>"` for each day: most reminders go out at the example's send_at. */
export const at830 = (kind: string, days: string[]): string[] => days.map((day) => `${day} 08:30 ${kind}`);
