import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface ThiduaRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `thidua` as a person would (bin/thidua.mjs on plain Node) with a clean environment, from the
 * repository's folder; `input` is piped to its stdin and closed (Ctrl+D), none closes it at once.
 */
export async function runThidua(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ThiduaRun> {
  const child = spawn(process.execPath, ['bin/thidua.mjs', ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  // A process that exits before reading its input closes the pipe: that is not the test's failure.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** What Node prints when an error escapes: a stack frame, an internal module, an ERR_ code. */
export const NODE_STACK_TRACE = /^\s+at \S.*[(:]\d|node:internal|\[ERR_[A-Z_]+\]|^(Type|Reference|Syntax)Error\b/m;
