import { describe, expect, it } from 'vitest';
import { KeyQueue } from '../../../src/flows/engine/key-queue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyQueue', () => {
  it('runs tasks of one key in order, tasks of other keys alongside', async () => {
    const q = new KeyQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
    };
    await Promise.all([q.run('a', task('a1', 20)), q.run('a', task('a2', 1)), q.run('b', task('b1', 5))]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('goes on after a failed task and forgets idle keys', async () => {
    const q = new KeyQueue();
    await expect(q.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(q.run('k', () => Promise.resolve(2))).resolves.toBe(2);
    await q.idle();
    await sleep(0);
    expect(q.size).toBe(0);
  });
});
