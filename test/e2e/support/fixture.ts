import { afterEach, beforeEach } from 'vitest';
import { FakeBotApi } from '../../fakes/fake-bot-api.ts';
import { killAllBots, tempDir } from './bot-process.ts';

export type TempDir = ReturnType<typeof tempDir>;

/**
 * Every e2e test gets a fresh fake Bot API and a fresh data folder, and leaves no bot process
 * behind (even when it fails). `use` receives them before each test.
 */
export function withBotFixture(use: (api: FakeBotApi, dir: TempDir) => void): void {
  let api: FakeBotApi | undefined;
  let dir: TempDir | undefined;
  beforeEach(async () => {
    api = await FakeBotApi.start();
    dir = tempDir();
    use(api, dir);
  });
  afterEach(async () => {
    await killAllBots();
    await api?.close();
    dir?.remove();
  });
}
