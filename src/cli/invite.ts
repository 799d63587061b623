import type { Bloc } from '../domain/bloc.ts';
import { displayInviteCode, inviteCodeFromBytes, parseTtl } from '../domain/invite-code.ts';
import type { Role } from '../domain/roles.ts';
import { t } from '../i18n/i18n.ts';
import { fetchBotUsername } from '../channels/telegram/bot-info.ts';
import { ZALO_TIMEOUTS, ZaloClient } from '../channels/zalo/client.ts';
import { displayDateTime } from '../flows/shared/format.ts';
import { unitName } from '../flows/shared/labels.ts';
import { openProgram, type Program } from '../main.ts';
import { readConfiguration } from './context.ts';

const ROLE_WORDS: Record<string, Role> = {
  focal: 'focal',
  daumoi: 'focal',
  leader: 'leader',
  lanhdao: 'leader',
  secretariat: 'secretariat',
  thuky: 'secretariat',
};

/** The options of `thidua invite`, as typed (src/cli/args.ts read them). */
export interface InviteOptions {
  role?: string;
  unit?: string;
  bloc?: string;
  ttl?: string;
}

/**
 * `thidua invite --role focal|leader|secretariat [--unit <id>] [--bloc <id>] [--ttl 7d]`: stores a
 * single-use code and prints it; with a Zalo token, how to register on Zalo (no deep links there:
 * the code is typed); the last line is what the invitee taps or types: the Telegram deep link when a
 * Telegram token is set, `/start <code>` otherwise.
 */
export async function runInvite(values: InviteOptions): Promise<number> {
  const role = ROLE_WORDS[(values.role ?? '').toLowerCase()];
  if (!role) return fail(t('cli.inviteRoleMissing'));
  const ttlMs = parseTtl(values.ttl ?? '7d');
  if (!ttlMs) return fail(t('cli.inviteTtlInvalid', { ttl: values.ttl ?? '' }));
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  const program = await openProgram({ ...read, logLevel: 'warn' });
  try {
    return await createInvite(program, role, values.unit, values.bloc, ttlMs);
  } finally {
    await program.close(0);
  }
}

async function createInvite(
  ctx: Program,
  role: Role,
  unitArg: string | undefined,
  blocArg: string | undefined,
  ttlMs: number,
): Promise<number> {
  const bloc = pickBloc(ctx.blocs, blocArg);
  if (typeof bloc === 'string') return fail(bloc);
  const units = [...new Set(bloc.years.flatMap((y) => y.units.map((u) => u.id)))];
  if (role === 'focal' && !unitArg) return fail(t('cli.inviteUnitRequired', { units: units.join(', ') }));
  if (unitArg && !units.includes(unitArg))
    return fail(t('cli.inviteUnitUnknown', { unit: unitArg, bloc: bloc.id, units: units.join(', ') }));
  const { repos, randomBytes } = ctx.services;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = inviteCodeFromBytes(randomBytes(16));
    const stored = await repos.invites.create({
      code,
      blocId: bloc.id,
      role,
      unitId: unitArg,
      expiresAt,
      createdBy: { channel: 'cli', userId: 'cli' },
    });
    if (!stored) continue;
    const unit = unitArg ? ` — ${unitName(bloc, unitArg)}` : '';
    console.log(
      t('cli.inviteCreated', {
        role: t(`roles.${role}`),
        unit,
        bloc: bloc.name,
        code: displayInviteCode(code),
        expires: displayDateTime(expiresAt, bloc.calendar.timezone),
      }),
    );
    if (ctx.config.zalo) console.log(await zaloLine(ctx.config.zalo, code));
    console.log(await lastLine(ctx, code));
    return 0;
  }
  throw new Error('could not draw a free invite code');
}

function pickBloc(blocs: readonly Bloc[], id: string | undefined): Bloc | string {
  const ids = blocs.map((b) => b.id).join(', ');
  if (id) return blocs.find((b) => b.id === id) ?? t('cli.inviteBlocUnknown', { bloc: id, blocs: ids });
  if (blocs.length === 1 && blocs[0]) return blocs[0];
  return t('cli.inviteBlocRequired', { blocs: ids });
}

async function lastLine(ctx: Program, code: string): Promise<string> {
  const telegram = ctx.config.telegram;
  if (telegram) {
    try {
      const username = await fetchBotUsername(telegram.token, telegram.apiRoot);
      return `https://t.me/${username}?start=${code}`;
    } catch (error) {
      console.error(t('cli.inviteLinkFailed', { reason: describe(error) }));
    }
  }
  return `/start ${code}`;
}

/** How to register on Zalo, naming the bot as Zalo shows it when getMe answers (quickly). */
async function zaloLine(zalo: NonNullable<Program['config']['zalo']>, code: string): Promise<string> {
  const shown = displayInviteCode(code);
  try {
    const client = new ZaloClient({ token: zalo.token, baseUrl: zalo.apiBase });
    const bot = await client.getMe({ timeoutMs: ZALO_TIMEOUTS.getMeAtStartMs });
    if (bot.account_name) return t('zalo.inviteHowTo', { bot: bot.account_name, code: shown });
  } catch {
    // The code works all the same; the line just cannot name the bot (the error may hold the token).
  }
  return t('zalo.inviteHowToUnnamed', { code: shown });
}

function describe(error: unknown): string {
  // Never print the raw error: telegraf's messages can carry the request URL with the token.
  return error instanceof Error && 'code' in error ? `HTTP ${String((error as { code: unknown }).code)}` : 'network';
}

function fail(message: string): number {
  console.error(message);
  return 1;
}
