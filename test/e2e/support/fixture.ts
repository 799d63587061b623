import { afterEach, beforeEach } from 'vitest';
import { FakeBotApi } from '../../fakes/fake-bot-api.ts';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { FakeZaloCdn } from '../../fakes/fake-zalo-cdn.ts';
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

export interface ZaloWorld {
  telegram: FakeBotApi;
  zalo: FakeZaloApi;
  /** Where the photos people send on Zalo are (their URLs can expire). */
  cdn: FakeZaloCdn;
  dir: TempDir;
}

/** `withBotFixture` for Zalo tests: a fake Zalo Bot API and its photo CDN, beside a fake Telegram. */
export function withZaloFixture(use: (world: ZaloWorld) => void): void {
  let world: ZaloWorld | undefined;
  beforeEach(async () => {
    // An idle poll is answered after a second: the bot polls on, as against the real 30 s hold.
    world = {
      telegram: await FakeBotApi.start(),
      zalo: await FakeZaloApi.start({ pollHoldMs: 1000 }),
      cdn: await FakeZaloCdn.start(),
      dir: tempDir(),
    };
    use(world);
  });
  afterEach(async () => {
    await killAllBots();
    await Promise.all([world?.telegram.close(), world?.zalo.close(), world?.cdn.close()]);
    world?.dir.remove();
  });
}
