import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/i18n.ts';
import { readmeCommands, type ReadmeCommand } from './support/readme-commands.ts';
import { NODE_STACK_TRACE, runThidua, type ThiduaRun } from './support/thidua-process.ts';

/**
 * Every command line the README shows in a shell block runs, as written, as a real process (issue 7:
 * the README's own `npx thidua console --as -:thuky` crashed). What each command word should do is
 * in the table below; a README line with a word the table lacks fails with a message saying so.
 */

interface Expectation {
  exit: number;
  /** Piped to stdin, then closed (Ctrl+D), for the commands that read it. */
  input?: string;
  /** What the output shows when the command did what the README says. */
  check(run: ThiduaRun): void;
}

const THIDUA: Record<string, Expectation> = {
  // The README runs it first, on a fresh database (it refuses one that holds data).
  demo: { exit: 0, check: (r) => expect(r.stdout).toContain(t('cli.demoNext').split('\n')[0]) },
  'check-config': { exit: 0, check: (r) => expect(r.stdout).toContain(t('cli.blocFileOk')) },
  invite: {
    exit: 0,
    // No Telegram token: the last line is what the invitee types (README, "Lệnh quản trị").
    check: (r) => expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\/start [A-Z0-9]{8}$/),
  },
  console: {
    exit: 0,
    input: '/toilaai\n',
    check: (r) => expect(r.stdout).toContain(t('whoami.text', whoamiHead).split('\n')[0]),
  },
  migrate: { exit: 0, check: (r) => expect(r.stdout).toContain(t('cli.migrated', { dialect: 'sqlite' })) },
  '--help': { exit: 0, check: (r) => expect(r.stdout).toBe(`${t('cli.usage')}\n`) },
};

const whoamiHead = { channel: 'console', userId: '', chatId: '', bindings: '' };

/** npm's own commands that CI runs itself (.ci/run): shown in the README, not run again here. */
const NPM_RUN_BY_CI = new Set(['ci', 'test', 'start']);

/** The expectation of a README command, or why the test cannot know it (a clear failure). */
function expectationFor(command: ReadmeCommand): Expectation | 'ci' {
  if (command.program === 'npm') {
    if (NPM_RUN_BY_CI.has(command.args[0] ?? '')) return 'ci';
    throw new Error(
      `README shows "${command.text}": add what it should do to this test (npm words run by CI: ci, test, start)`,
    );
  }
  const word = command.args[0] ?? '(none)';
  const expectation = THIDUA[word];
  if (!expectation)
    throw new Error(
      `README shows "${command.text}": add what "thidua ${word}" should do to the THIDUA table of this test`,
    );
  return expectation;
}

const dir = mkdtempSync(join(tmpdir(), 'thidua-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A command shown twice (in the prose and in the examples) runs once.
const commands = [
  ...new Map(readmeCommands(readFileSync('README.md', 'utf8')).map((c) => [c.text, c] as const)).values(),
];

describe('the README', () => {
  it('shows the two commands of design.md and the thidua commands', () => {
    const texts = commands.map((c) => c.text);
    for (const text of ['npm ci', 'npm start', 'npm test', 'npx thidua console --as -:thuky'])
      expect(texts).toContain(text);
  });

  it.each(commands.filter((c) => c.program === 'thidua').map((c) => [c.text, c] as const))(
    '%s runs as written',
    async (_text, command) => {
      const expectation = expectationFor(command);
      if (expectation === 'ci') return;
      const run = await runThidua(command.args, {
        env: { SQLITE_PATH: join(dir, 'readme.sqlite') },
        input: command.input ?? expectation.input,
      });
      expect(run.stderr).not.toMatch(NODE_STACK_TRACE);
      expect(run.stdout).not.toMatch(NODE_STACK_TRACE);
      expect(run.code, run.stderr).toBe(expectation.exit);
      // A line typed into the console (the README's standings example) is answered, marked provisional.
      if (command.input?.startsWith('/bangxephang')) expect(run.stdout).toContain(t('standings.provisional'));
      else expectation.check(run);
    },
    60_000,
  );

  it('every npm command it shows is one CI runs', () => {
    for (const command of commands.filter((c) => c.program === 'npm')) expect(expectationFor(command)).toBe('ci');
  });
});

describe('reading the README', () => {
  const block = (lines: string) => `text\n\n\`\`\`bash\n${lines}\n\`\`\`\n\n\`\`\`\nnpx thidua not-shell\n\`\`\`\n`;

  it('takes each part of a line joined by &&, from shell blocks only, words as a shell splits them', () => {
    expect(
      readmeCommands(block('# a comment\nnpm ci && npm start\nnpx thidua console --as "-:thuky"\ncp a b')),
    ).toEqual([
      { text: 'npm ci', program: 'npm', args: ['ci'] },
      { text: 'npm start', program: 'npm', args: ['start'] },
      { text: 'npx thidua console --as "-:thuky"', program: 'thidua', args: ['console', '--as', '-:thuky'] },
    ]);
  });

  it('fails clearly on a command word the table does not know, and on a line it cannot run', () => {
    const [unknown] = readmeCommands(block('npx thidua export --year 2023'));
    expect(() => expectationFor(unknown!)).toThrow(/add what "thidua export" should do/);
    const [bench] = readmeCommands(block('npm run bench'));
    expect(() => expectationFor(bench!)).toThrow(/"npm run bench": add what it should do/);
    expect(() => readmeCommands(block('npx thidua console --as <đơn vị>:<vai trò>'))).toThrow(/cannot run as written/);
  });
});
