import { describe, expect, it } from 'vitest';
import { accessFor, resolveCommand, type Who } from '../../../src/app/permissions.ts';
import { FLOWS } from '../../../src/flows/index.ts';
import { LANGS, t } from '../../../src/i18n/i18n.ts';

/**
 * The hints for text outside any conversation (issue 7: "Bot chỉ hiểu các lệnh." said nothing useful)
 * name what the bot can do for each role: only commands that are built and that the role may use.
 */
const HINTS = [
  ['engine.hintFocal', 'focal'],
  ['engine.hintLeader', 'leader'],
  ['engine.hintSecretariat', 'secretariat'],
] as const satisfies ReadonlyArray<readonly [string, Who]>;

const commandsIn = (text: string) => [...text.matchAll(/\/([a-z]+)/g)].map((m) => m[1] ?? '');

describe('engine hints', () => {
  it.each(HINTS)('%s names only built commands that a %s may use, and /trogiup', (key, role) => {
    for (const lang of LANGS) {
      const named = commandsIn(t(key, {}, lang));
      expect(named.length, lang).toBeGreaterThanOrEqual(3);
      for (const word of named) {
        const command = resolveCommand(word);
        expect(command, `${lang}: /${word}`).toBeDefined();
        expect(FLOWS.has(command!), `${lang}: /${word} is built`).toBe(true);
        expect(accessFor(command!, [role]), `${lang}: /${word} for ${role}`).not.toBe('no');
      }
      expect(named.map(resolveCommand), lang).toContain('trogiup');
    }
  });

  it('the generic hint no longer just says the bot understands only commands', () => {
    expect(t('engine.hint')).not.toMatch(/^Bot chỉ hiểu các lệnh/);
    expect(commandsIn(t('engine.hint')).map(resolveCommand)).toEqual(['trogiup']);
  });
});
