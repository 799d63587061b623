import { ConsoleChat, ConsoleOutput } from '../channels/console/console-chat.ts';
import type { Bloc } from '../domain/bloc.ts';
import { t } from '../i18n/i18n.ts';
import { openProgram, type Program } from '../main.ts';
import { unitName } from '../flows/shared/labels.ts';
import { parseAs, pickAs, type As } from './console-as.ts';
import { openMessageSource, type MessageSource } from './console-input.ts';
import { readConfiguration, type Configuration } from './context.ts';

/** `thidua console --as <unit>:<role>`: a chat in the terminal as one person (input may be piped). */
export async function runConsoleCommand(asText: string | undefined): Promise<number> {
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  return runConsole(read, asText);
}

const userIdOf = (as: As) => `${as.role}:${as.unitId ?? '-'}`;
// A private chat's id is the person's id on every channel (app/private-chat.ts): notices the bot
// sends to a registration then reach this console chat.
const chatIdOf = (as: As) => userIdOf(as);

/** Opens the console chat; without `--as`, asks for a role and a unit with numbered menus. */
export async function runConsole(read: Configuration, asText: string | undefined): Promise<number> {
  const bloc = read.blocs[0];
  if (!bloc) return 1;
  let as: As | undefined;
  // What the bot says to this person is printed; a notice to another chat is shown as such.
  // Images and files cannot be shown in a terminal: they are written to EXPORTS_DIR, the text says where.
  const output = new ConsoleOutput(
    (m) => {
      const shown = as && m.chatId === chatIdOf(as) ? m.text : `[→ ${m.chatId}] ${m.text}`;
      process.stdout.write(`${shown}\n\n`);
    },
    { filesDir: read.config.exportsDir },
  );
  const program = await openProgram({ ...read, logLevel: 'warn', console: output });
  const source = openMessageSource(process.stdin, process.stdout, Boolean(process.stdin.isTTY));
  try {
    if (asText !== undefined) {
      as = parseAs(bloc, asText);
      if (!as) {
        console.error(t('cli.consoleAsInvalid', { value: asText }));
        return 2;
      }
    } else {
      // Leaving the menus (Ctrl+C, Ctrl+D) is what the person asked for: no error, nothing about --as.
      as = await pickAs(source, bloc, (text) => process.stdout.write(`${text}\n`));
    }
    if (as) await chat(program, output, bloc, as, source);
    return 0;
  } finally {
    source.close();
    await program.close(2000);
  }
}

async function chat(program: Program, output: ConsoleOutput, bloc: Bloc, as: As, source: MessageSource): Promise<void> {
  const userId = userIdOf(as);
  const existing = await program.repos.registrations.findActive('console', userId);
  if (!existing.some((r) => r.blocId === bloc.id && r.role === as.role && r.unitId === as.unitId)) {
    await program.repos.registrations.bind({
      channel: 'console',
      userId,
      blocId: bloc.id,
      role: as.role,
      unitId: as.unitId,
      at: new Date(),
    });
  }
  const console_ = new ConsoleChat(program.engine, program.dispatcher, output, {
    userId,
    displayName: userId,
    chatId: chatIdOf(as),
  });
  const who = `${t(`roles.${as.role}`)}${as.unitId ? ` — ${unitName(bloc, as.unitId)}` : ''}`;
  process.stdout.write(`${t('console.ready', { bloc: bloc.name, who })}\n\n`);
  for (;;) {
    const message = source.terminal ? await source.ask('> ') : await source.next();
    if (message === undefined) return;
    if (message.trim()) await console_.say(message);
  }
}
