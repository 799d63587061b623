import type { Role } from '../domain/roles.ts';

/**
 * Who may do what (design.md): one table, tested as a matrix. Each command has a canonical
 * Vietnamese name and an English alias; the access value says how far a role reaches.
 *  - `any`: for every unit of the bloc
 *  - `own`: only for the person's own unit
 *  - `ownRank`: standings: own rank and score only (unless the bloc lets focal points see the table)
 *  - `no`: refused
 */
export type Access = 'any' | 'own' | 'ownRank' | 'no';
export type Who = Role | 'admin' | 'stranger';

export type CommandName =
  | 'start'
  | 'dangky'
  | 'trogiup'
  | 'huy'
  | 'toilaai'
  | 'ngonngu'
  | 'baocao'
  | 'dexuat'
  | 'dsdexuat'
  | 'xem'
  | 'trangthai'
  | 'chitiet'
  | 'bangxephang'
  | 'tiendo'
  | 'chuanop'
  | 'nhacnho'
  | 'thongbao'
  | 'moky'
  | 'khoaky'
  | 'giahan'
  | 'xuatexcel'
  | 'nhom'
  | 'moi'
  | 'dsmoi'
  | 'thuhoi'
  | 'daumoi'
  | 'huylienket'
  | 'nhapho'
  | 'tralai'
  | 'duyet'
  | 'xoadexuat';

/** English aliases (design.md: each command has one). */
export const COMMAND_ALIASES: Record<string, CommandName> = {
  register: 'dangky',
  help: 'trogiup',
  cancel: 'huy',
  whoami: 'toilaai',
  language: 'ngonngu',
  report: 'baocao',
  nominate: 'dexuat',
  nominations: 'dsdexuat',
  view: 'xem',
  status: 'trangthai',
  detail: 'chitiet',
  standings: 'bangxephang',
  progress: 'tiendo',
  missing: 'chuanop',
  remind: 'nhacnho',
  broadcast: 'thongbao',
  reopen: 'moky',
  lock: 'khoaky',
  extend: 'giahan',
  export: 'xuatexcel',
  group: 'nhom',
  invite: 'moi',
  invites: 'dsmoi',
  revoke: 'thuhoi',
  focals: 'daumoi',
  unlink: 'huylienket',
  onbehalf: 'nhapho',
  return: 'tralai',
  accept: 'duyet',
  deletenomination: 'xoadexuat',
};

const EVERYONE: Record<Who, Access> = {
  stranger: 'any',
  focal: 'any',
  leader: 'any',
  secretariat: 'any',
  admin: 'any',
};
const REPORTING: Record<Who, Access> = { stranger: 'no', focal: 'own', leader: 'no', secretariat: 'no', admin: 'no' };
const READING: Record<Who, Access> = { stranger: 'no', focal: 'own', leader: 'any', secretariat: 'any', admin: 'any' };
const STANDINGS: Record<Who, Access> = {
  stranger: 'no',
  focal: 'ownRank',
  leader: 'any',
  secretariat: 'any',
  admin: 'any',
};
const RUNNING: Record<Who, Access> = { stranger: 'no', focal: 'no', leader: 'no', secretariat: 'any', admin: 'any' };

export const PERMISSIONS: Record<CommandName, Record<Who, Access>> = {
  start: EVERYONE,
  dangky: EVERYONE,
  trogiup: EVERYONE,
  huy: EVERYONE,
  toilaai: EVERYONE,
  ngonngu: EVERYONE,
  // The secretariat and admins report or nominate for a unit through /nhapho, not directly.
  baocao: REPORTING,
  dexuat: REPORTING,
  dsdexuat: REPORTING,
  xem: READING,
  trangthai: READING,
  chitiet: READING,
  bangxephang: STANDINGS,
  tiendo: STANDINGS,
  chuanop: RUNNING,
  nhacnho: RUNNING,
  thongbao: RUNNING,
  moky: RUNNING,
  khoaky: RUNNING,
  giahan: RUNNING,
  xuatexcel: RUNNING,
  nhom: RUNNING,
  moi: RUNNING,
  dsmoi: RUNNING,
  thuhoi: RUNNING,
  daumoi: RUNNING,
  huylienket: RUNNING,
  nhapho: RUNNING,
  tralai: RUNNING,
  duyet: RUNNING,
  xoadexuat: RUNNING,
};

/** Commands anyone in the bloc's registered group may use there: the group is the leaders' room. */
const GROUP_READABLE: ReadonlySet<CommandName> = new Set(['bangxephang', 'tiendo', 'chitiet']);

const RANK: Record<Access, number> = { no: 0, ownRank: 1, own: 2, any: 3 };

export function resolveCommand(word: string): CommandName | undefined {
  if (word in PERMISSIONS) return word as CommandName;
  return COMMAND_ALIASES[word];
}

/** All words that name a command, canonical and English, for slash-less commands in private chats. */
export const COMMAND_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(PERMISSIONS),
  ...Object.keys(COMMAND_ALIASES),
]);

/**
 * The widest access a person has to a command: the best over their roles, admin included; in the
 * bloc's registered group, the group-readable commands are open to everyone in it.
 */
export function accessFor(command: CommandName, who: readonly Who[], inBlocGroup = false): Access {
  let best: Access = 'no';
  const roles = who.length > 0 ? who : (['stranger'] as const);
  for (const role of roles) {
    const access = PERMISSIONS[command][role];
    if (RANK[access] > RANK[best]) best = access;
  }
  if (inBlocGroup && GROUP_READABLE.has(command) && RANK[best] < RANK.any) best = 'any';
  return best;
}
