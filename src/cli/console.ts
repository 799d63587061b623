import { ConsoleChat } from '../channels/console/console-chat.ts';
import type { Bloc } from '../domain/bloc.ts';
import { t } from '../i18n/i18n.ts';
import { openCliContext, type CliContext } from './context.ts';
import { unitName } from '../flows/shared/labels.ts';
import { parseAs, pickAs, type As } from './console-as.ts';
import { openMessageSource, type MessageSource } from './console-input.ts';

/** `thidua console --as <unit>:<role>`: a chat in the terminal as one person (input may be piped). */
export async function runConsoleCommand(asText: string | undefined): Promise<number> {
  const ctx = await openCliContext({ logLevel: 'warn' });
  if (typeof ctx === 'number') return ctx;
  return runConsole(ctx, asText);
}

/** Opens the console chat; without `--as`, asks for a role and a unit with numbered menus. */
export async function runConsole(ctx: CliContext, asText: string | undefined): Promise<number> {
  const bloc = ctx.blocs[0];
  if (!bloc) return 1;
  const source = openMessageSource(process.stdin, process.stdout, Boolean(process.stdin.isTTY));
  try {
    if (asText !== undefined) {
      const as = parseAs(bloc, asText);
      if (!as) {
        console.error(t('cli.consoleAsInvalid', { value: asText }));
        return 2;
      }
      await chat(ctx, bloc, as, source);
      return 0;
    }
    // Leaving the menus (Ctrl+C, Ctrl+D) is what the person asked for: no error, nothing about --as.
    const as = await pickAs(source, bloc, (text) => process.stdout.write(`${text}\n`));
    if (as) await chat(ctx, bloc, as, source);
    return 0;
  } finally {
    source.close();
    await ctx.runtime.close(2000);
  }
}

async function chat(ctx: CliContext, bloc: Bloc, as: As, source: MessageSource): Promise<void> {
  const { runtime } = ctx;
  const userId = `${as.role}:${as.unitId ?? '-'}`;
  const existing = await runtime.services.repos.registrations.findActive('console', userId);
  if (!existing.some((r) => r.blocId === bloc.id && r.role === as.role && r.unitId === as.unitId)) {
    await runtime.services.repos.registrations.bind({
      channel: 'console',
      userId,
      blocId: bloc.id,
      role: as.role,
      unitId: as.unitId,
      at: new Date(),
    });
  }
  const console_ = new ConsoleChat(
    runtime.engine,
    runtime.dispatcher,
    { userId, displayName: userId, chatId: `console-${userId}` },
    (text) => {
      process.stdout.write(`${text}\n\n`);
    },
  );
  runtime.senders.console = console_.sender;
  process.stdout.write(
    `${t('console.ready', { bloc: bloc.name, who: `${t(`roles.${as.role}`)}${as.unitId ? ` — ${unitName(bloc, as.unitId)}` : ''}` })}\n\n`,
  );
  for (;;) {
    const message = source.terminal ? await source.ask('> ') : await source.next();
    if (message === undefined) return;
    if (message.trim()) await console_.say(message);
  }
}
