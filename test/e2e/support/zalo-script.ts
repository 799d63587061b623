import { expect } from 'vitest';
import type { Bloc } from '../../../src/domain/bloc.ts';
import { unitName } from '../../../src/flows/shared/labels.ts';
import { FAKE_ZALO_SECRET_PART, type FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { botEnv, freePort, lastLine, runCli, type BotEnvOptions, type BotProcess } from './bot-process.ts';
import { expectNothingRefused, type ZaloUser, zaloText } from './zalo-user.ts';

/** How the bot receives from Zalo in a test: long polling, or a webhook on its own port. */
export type ZaloMode = 'polling' | 'webhook';

export const ZALO_HOOK = 'https://bot.example/zalo/hook-5b7e';
export const ZALO_HOOK_SECRET = 'zalo-hook-secret-for-tests';

/**
 * The environment of a Zalo-only bot (no Telegram token) with debug logs, so every line can be
 * checked for the token. In webhook mode the fake posts to the bot's port (TLS ends in front of it).
 */
export async function zaloBotEnv(
  api: FakeZaloApi,
  dataDir: string,
  mode: ZaloMode,
  extra: Partial<BotEnvOptions> = {},
): Promise<NodeJS.ProcessEnv> {
  const port = extra.port ?? (mode === 'webhook' ? await freePort() : undefined);
  const webhook = mode === 'webhook' ? { url: ZALO_HOOK, secret: ZALO_HOOK_SECRET } : undefined;
  if (port) api.webhookOrigin = `http://127.0.0.1:${port}`;
  return botEnv({
    dataDir,
    zalo: { apiBase: api.url, token: api.token, webhook },
    logLevel: 'debug',
    ...extra,
    ...(port ? { port } : {}),
  });
}

/** `thidua invite` with only a Zalo token: the code, how to register on Zalo, then `/start <code>`. */
export async function inviteOnZalo(api: FakeZaloApi, env: NodeJS.ProcessEnv, unitId: string): Promise<string> {
  const invite = await runCli(['invite', '--role', 'focal', '--unit', unitId], env);
  expect(invite.code, invite.stderr).toBe(0);
  const code = /^\/start ([A-Z0-9]{8})$/.exec(lastLine(invite.stdout))?.[1] ?? '';
  const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
  expect(invite.stdout).toContain(zaloText('zalo.inviteHowTo', { bot: api.bot.account_name, code: shown }));
  return code;
}

/** Registers by the code typed alone (no deep links on Zalo): the notice, the welcome, what next. */
export async function registerByCode(user: ZaloUser, code: string, bloc: Bloc, unitId: string): Promise<void> {
  const replies = await user.say(code, 3);
  expect(replies[0]?.text).toBe(zaloText('zalo.automatedNotice'));
  expect(replies[1]?.text).toContain(unitName(bloc, unitId));
  expect(replies[2]?.text).toBe(zaloText('register.next.focal'));
}

/** What every Zalo test ends with: exit 0, nothing Zalo would refuse, no token or secret in the output. */
export async function stopCleanly(api: FakeZaloApi, bot: BotProcess): Promise<void> {
  expect(await bot.stop()).toEqual({ code: 0, signal: null });
  expectNothingRefused(api);
  expect(bot.output).not.toContain(FAKE_ZALO_SECRET_PART);
  expect(bot.output).not.toContain(ZALO_HOOK_SECRET);
}

/** The updates really came the way the test says: by getUpdates, or by the webhook alone. */
export function expectReceivedBy(api: FakeZaloApi, mode: ZaloMode): void {
  if (mode === 'webhook') {
    expect(api.callsOf('getUpdates')).toEqual([]);
    expect(api.callsOf('setWebhook').map((c) => c.params.url)).toContain(ZALO_HOOK);
  } else {
    expect(api.callsOf('getUpdates').length).toBeGreaterThan(0);
    expect(api.callsOf('setWebhook')).toEqual([]);
  }
}
