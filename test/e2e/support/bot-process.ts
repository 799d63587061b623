import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, so the bot runs as `npm start` would from any working folder. */
export const REPO = resolve(import.meta.dirname, '../../..');
const BIN = join(REPO, 'bin/thidua.mjs');
export const EXAMPLE_BLOC = join(REPO, 'deploy/bloc.example.yaml');

/** Variables of ours that must not leak from the developer's shell into a test bot. */
const OURS =
  /^(TELEGRAM_|ZALO_|DATABASE_URL|SQLITE_PATH|EXPORTS_DIR|SESSION_STORE_URL|BLOC_FILE|ADMIN_|LOG_LEVEL|PORT|PUBLIC_BASE_URL)/;

export interface BotEnvOptions {
  /** A folder of its own (the SQLite file lives there); reuse it to restart the same bot. */
  dataDir: string;
  apiRoot?: string;
  /** Omit for "no token" (the CLI then prints `/start <code>`). */
  token?: string;
  webhook?: { url: string; secret: string };
  port?: number;
  logLevel?: string;
  /** A Zalo bot beside (or instead of) Telegram: ZALO_BOT_TOKEN, ZALO_API_BASE, the webhook. */
  zalo?: { apiBase: string; token: string; webhook?: { url: string; secret: string } };
  publicBaseUrl?: string;
  adminZaloIds?: readonly string[];
}

export function botEnv(options: BotEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!OURS.test(k)) env[k] = v;
  Object.assign(env, {
    BLOC_FILE: EXAMPLE_BLOC,
    SQLITE_PATH: join(options.dataDir, 'thidua.sqlite'),
    LOG_LEVEL: options.logLevel ?? 'info',
    ...(options.token ? { TELEGRAM_BOT_TOKEN: options.token } : {}),
    ...(options.apiRoot ? { TELEGRAM_API_ROOT: options.apiRoot } : {}),
    ...(options.webhook
      ? { TELEGRAM_WEBHOOK_URL: options.webhook.url, TELEGRAM_WEBHOOK_SECRET: options.webhook.secret }
      : {}),
    ...(options.port ? { PORT: String(options.port) } : {}),
    ...(options.zalo ? { ZALO_BOT_TOKEN: options.zalo.token, ZALO_API_BASE: options.zalo.apiBase } : {}),
    ...(options.zalo?.webhook
      ? { ZALO_WEBHOOK_URL: options.zalo.webhook.url, ZALO_WEBHOOK_SECRET: options.zalo.webhook.secret }
      : {}),
    ...(options.publicBaseUrl ? { PUBLIC_BASE_URL: options.publicBaseUrl } : {}),
    ...(options.adminZaloIds ? { ADMIN_ZALO_IDS: options.adminZaloIds.join(',') } : {}),
  });
  return env;
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'thidua-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A port nobody listens on right now (the OS picks it; closed again before use). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const live = new Set<BotProcess>();

/**
 * The bot as a real child process (`node bin/thidua.mjs start`), its output captured. Every process
 * started is tracked, so `killAllBots()` in afterEach leaves nothing running even when a test fails.
 */
export class BotProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private exitInfo: Exit | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        done(this.exitInfo);
      });
    });
  }

  /** Starts the bot and resolves once it logged "bot started"; rejects (with its output) otherwise. */
  static async start(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<BotProcess> {
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: env.SQLITE_PATH ? join(env.SQLITE_PATH, '..') : REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(child);
    live.add(bot);
    try {
      await bot.waitForLog((line) => line.msg === 'bot started', timeoutMs);
    } catch (error) {
      await bot.kill();
      throw error;
    }
    return bot;
  }

  get output(): string {
    return `${this.stdout}\n${this.stderr}`;
  }

  /** The JSON log lines written so far. */
  logs(): Array<Record<string, unknown>> {
    return this.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  }

  async waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs().find(match);
      if (found) return found;
      if (this.exitInfo)
        throw new Error(
          `the bot exited (${JSON.stringify(this.exitInfo)}) before the expected log line:\n${this.output}`,
        );
      if (Date.now() > until) throw new Error(`timed out waiting for a log line:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM, then waits for the exit (SIGKILL after `timeoutMs`); returns how it ended. */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (this.exitInfo) return this.exitInfo;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL: a crash, nothing flushed. */
  async kill(): Promise<Exit> {
    if (this.exitInfo) return this.exitInfo;
    this.child.kill('SIGKILL');
    return this.exited;
  }
}

export async function killAllBots(): Promise<void> {
  await Promise.all([...live].map((bot) => bot.kill()));
}

/** Runs a CLI command (`invite …`) to completion with the same environment as the bot. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: env.SQLITE_PATH ? join(env.SQLITE_PATH, '..') : REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** The last non-empty line a command printed: what `thidua invite` hands the invitee. */
export function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}
