import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { FakeBotApiOptions } from '../fakes/fake-bot-api.ts';
import type { FakeReport } from './fake-api-child.ts';

export interface FakeApiProcess {
  url: string;
  token: string;
  /** What the fake saw; the process exits after answering. */
  report(): Promise<FakeReport>;
}

/** Starts the fake Bot API in a child process (see fake-api-child.ts). */
export async function startFakeApiChild(options: FakeBotApiOptions): Promise<FakeApiProcess> {
  const child = fork(join(import.meta.dirname, 'fake-api-child.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [hello] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`fake Bot API exited (${String(code)})`))),
  ])) as [{ url: string; token: string }];
  return {
    url: hello.url,
    token: hello.token,
    async report() {
      const answer = once(child, 'message');
      child.send('report');
      const [report] = (await answer) as [FakeReport];
      await once(child, 'exit');
      return report;
    },
  };
}
