import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConsoleChat, ConsoleOutput } from '../channels/console/console-chat.ts';
import type { Bloc } from '../domain/bloc.ts';
import type { Role } from '../domain/roles.ts';
import { foldText } from '../domain/text-fold.ts';
import { t } from '../i18n/i18n.ts';
import { openProgram, type Program } from '../main.ts';
import { readConfiguration, type Configuration } from './context.ts';
import { unitName } from '../flows/shared/labels.ts';

const ROLE_WORDS: Record<string, Role> = {
  daumoi: 'focal',
  focal: 'focal',
  lanhdao: 'leader',
  leader: 'leader',
  thuky: 'secretariat',
  secretariat: 'secretariat',
};

interface As {
  role: Role;
  unitId?: string;
}

/** `thidua console --as <unit>:<role>`: a chat in the terminal as one person (input may be piped). */
export async function runConsoleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { as: { type: 'string' } }, strict: true });
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  return runConsole(read, values.as);
}

/** Opens the console chat; without `--as`, asks for a role and a unit with numbered menus. */
export async function runConsole(read: Configuration, asText: string | undefined): Promise<number> {
  const bloc = read.blocs[0];
  if (!bloc) return 1;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const chatId = (as: As) => `console-${userIdOf(as)}`;
  let as: As | undefined;
  // What the bot says to this person is printed; a notice to another chat is shown as such.
  // Images and files cannot be shown in a terminal: they are written to EXPORTS_DIR, the text says where.
  const output = new ConsoleOutput(
    (m) => {
      const shown = as && m.chatId === chatId(as) ? m.text : `[→ ${m.chatId}] ${m.text}`;
      process.stdout.write(`${shown}\n\n`);
    },
    { filesDir: read.config.exportsDir },
  );
  const program = await openProgram({ ...read, logLevel: 'warn', console: output });
  try {
    as = asText ? parseAs(bloc, asText) : await pickAs(rl, bloc);
    if (!as) {
      console.error(t('cli.consoleAsInvalid', { value: asText ?? '' }));
      return 2;
    }
    await chat(program, output, bloc, as, rl);
    return 0;
  } finally {
    rl.close();
    await program.close(2000);
  }
}

const userIdOf = (as: As) => `${as.role}:${as.unitId ?? '-'}`;

async function chat(program: Program, output: ConsoleOutput, bloc: Bloc, as: As, rl: Interface): Promise<void> {
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
    chatId: `console-${userId}`,
  });
  process.stdout.write(
    `${t('console.ready', { bloc: bloc.name, who: `${t(`roles.${as.role}`)}${as.unitId ? ` — ${unitName(bloc, as.unitId)}` : ''}` })}\n\n`,
  );
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) rl.setPrompt('> ');
  if (interactive) rl.prompt();
  for await (const line of rl) {
    if (line.trim()) await console_.say(line);
    if (interactive) rl.prompt();
  }
}

function parseAs(bloc: Bloc, text: string): As | undefined {
  const [unitWord = '', roleWord = 'daumoi'] = text.split(':');
  const role = ROLE_WORDS[foldText(roleWord)];
  if (!role) return undefined;
  if (unitWord === '-' || unitWord === '') return role === 'focal' ? undefined : { role };
  const unitId = findUnit(bloc, unitWord);
  return unitId ? { role, unitId } : undefined;
}

function findUnit(bloc: Bloc, word: string): string | undefined {
  const units = latestUnits(bloc);
  const folded = foldText(word).replace(/-/g, ' ');
  const exact = units.find((u) => u.id === word || foldText(u.name) === folded);
  if (exact) return exact.id;
  const matches = units.filter((u) => foldText(u.name).includes(folded) || u.id.replace(/-/g, ' ').startsWith(folded));
  return matches.length === 1 ? matches[0]?.id : undefined;
}

function latestUnits(bloc: Bloc) {
  return [...bloc.years].sort((a, b) => b.year - a.year)[0]?.units ?? [];
}

async function pickAs(rl: Interface, bloc: Bloc): Promise<As | undefined> {
  const roles: Role[] = ['focal', 'leader', 'secretariat'];
  const roleMenu = roles.map((r, i) => `${i + 1}. ${t(`roles.${r}`)}`).join('\n');
  const role = roles[Number(await rl.question(`${t('console.pickRole', { bloc: bloc.name })}\n${roleMenu}\n> `)) - 1];
  if (!role) return undefined;
  if (role !== 'focal') return { role };
  const units = latestUnits(bloc);
  const unitMenu = units.map((u, i) => `${i + 1}. ${u.name}`).join('\n');
  const unit = units[Number(await rl.question(`${t('console.pickUnit')}\n${unitMenu}\n> `)) - 1];
  return unit ? { role, unitId: unit.id } : undefined;
}
