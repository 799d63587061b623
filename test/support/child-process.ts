import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestDatabase } from './databases.ts';

/** Starts storage-child.ts on the suite's database; `go()` releases it, `result` is what it printed. */
export function startStorageChild<T>(database: TestDatabase, op: 'claim' | 'save', arg: string) {
  const target = database.url ?? database.sqlitePath ?? '';
  const script = join(import.meta.dirname, 'storage-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, target, op, arg], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`storage child exited before it was ready (${code}): ${err}`)));
  });
  const result = new Promise<T>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.split('\n').filter(Boolean).at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(line) as T);
      else reject(new Error(`storage child failed (${code}): ${err}`));
    });
  });
  return { ready, result, go: () => child.stdin.end('go\n') };
}
