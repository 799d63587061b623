import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleChat, ConsoleOutput } from '../../../src/channels/console/console-chat.ts';
import { EXAMPLE_BLOC_FILE } from '../../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../../src/config/bloc-loader.ts';
import { parseConfig } from '../../../src/config/env.ts';
import { openProgram, type Program } from '../../../src/main.ts';
import { keys } from '../../support/flow-harness.ts';
import { JUNE_12, last, SEED_ANSWERS } from './helpers.ts';

/** A whole program over a SQLite file, as `npm start` builds it: stopping and starting it is a restart. */
async function start(sqlitePath: string, now: Date): Promise<{ program: Program; chat: ConsoleChat }> {
  const { blocs } = await loadBlocs(EXAMPLE_BLOC_FILE);
  const output = new ConsoleOutput();
  const program = await openProgram({
    config: parseConfig({ SQLITE_PATH: sqlitePath }),
    blocs,
    logLevel: 'silent',
    console: output,
    clock: { now: () => now },
  });
  const chat = new ConsoleChat(
    program.engine,
    program.dispatcher,
    output,
    { userId: 'dau-moi', displayName: 'Đầu mối', chatId: 'chat-dau-moi' },
    () => now,
  );
  return { program, chat };
}

describe('/baocao survives a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-report-restart-'));
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('continues from the same step with the figures typed before', async () => {
    const path = join(dir, 'thidua.sqlite');
    const first = await start(path, JUNE_12);
    await first.program.repos.registrations.bind({
      channel: 'console',
      userId: 'dau-moi',
      blocId: 'khoi-huyen-lao-cai',
      role: 'focal',
      unitId: 'si-ma-cai',
      at: JUNE_12,
    });
    await first.chat.say('/baocao');
    for (const answer of SEED_ANSWERS.slice(0, 5)) await first.chat.say(answer);
    await first.program.close(100);

    const second = await start(path, new Date(JUNE_12.getTime() + 60 * 60 * 1000));
    try {
      const next = await second.chat.say(SEED_ANSWERS[5]);
      expect(keys(next)).toEqual(['report.echo', 'report.ask.question']);
      expect(last(next).reply.params).toMatchObject({ number: 7 });
      for (const answer of SEED_ANSWERS.slice(6)) await second.chat.say(answer);
      const receipt = await second.chat.say('1');
      expect(keys(receipt)).toEqual(['report.receipt']);
      expect(receipt[0]?.reply.params).toMatchObject({ count: 11 });
      const saved = await second.program.repos.submissions.find('khoi-huyen-lao-cai', '2023-06', 'si-ma-cai');
      expect(saved?.values.find((v) => v.indicatorCode === 'thu-ngan-sach')?.raw).toBe('45,2 tỷ');
    } finally {
      await second.program.close(100);
    }
  });
});
