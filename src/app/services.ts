import type { Bloc } from '../domain/bloc.ts';
import type { Label, Lang } from './messages.ts';
import type { Clock, ReportRendering, Repositories, SessionStore } from './ports.ts';

/** The blocs loaded from the bloc file(s), by id. */
export interface BlocDirectory {
  get(id: string): Bloc | undefined;
  list(): Bloc[];
}

export function blocDirectory(blocs: readonly Bloc[]): BlocDirectory {
  const byId = new Map(blocs.map((b) => [b.id, b]));
  return { get: (id) => byId.get(id), list: () => [...byId.values()] };
}

/**
 * What the conversations may use, built once by the composition root. `sessionInTransaction` says
 * whether session writes join the update's transaction (the default database store) or are written
 * right after the commit (Redis, PostgreSQL keyv: the weaker mode of the README).
 */
export interface AppServices {
  repos: Repositories;
  sessions: SessionStore;
  sessionInTransaction: boolean;
  blocs: BlocDirectory;
  clock: Clock;
  admins: { telegram: readonly string[]; zalo: readonly string[] };
  /** Telegram's @username of the bot, for `/cmd@bot` in groups and deep links. */
  telegramUsername?: string;
  /** Random bytes (invite codes, button nonces); injectable for tests. */
  randomBytes(size: number): Uint8Array;
  /** The chart and the workbook a reply attaches (src/reports behind a port). */
  rendering: ReportRendering;
  /** A choice's label as the person sees it, so typing the option's words picks it (i18n is an adapter). */
  labelText(label: Label, lang: Lang): string;
}
