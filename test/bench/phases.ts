import type { Update } from 'telegraf/types';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import type { Recorder } from './recorder.ts';

/** A bot polling its own fake Bot API, reporting each update to its recorder. */
export interface BenchTarget {
  name: string;
  api: FakeBotApi;
  recorder: Recorder;
}

export interface ThroughputResult {
  count: number;
  seconds: number;
  perSecond: number;
  /** CPU time of the whole process (bot, fake server, bench) per update, in µs: steadier than
   * wall time on a busy machine. */
  cpuMicros: number;
  /** Receipt → done while the queue is full: includes waiting behind other updates. */
  p50: number;
  p99: number;
}

export interface LatencyResult {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

const PHASE_TIMEOUT_MS = 10 * 60_000;

/** Nearest-rank percentile of `values` (ms). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Pushes every update at once (getUpdates hands them out 100 at a time) and waits for all. */
export async function pushAll(target: BenchTarget, updates: readonly Update[]): Promise<ThroughputResult> {
  const { api, recorder } = target;
  recorder.reset();
  const cpuBefore = process.cpuUsage();
  api.pushUpdate(...updates);
  await recorder.waitFor(updates.length, PHASE_TIMEOUT_MS);
  const cpu = process.cpuUsage(cpuBefore);
  failIfErrors(target, updates.length);
  const seconds = (recorder.lastEnd - recorder.firstStart) / 1000;
  return {
    count: updates.length,
    seconds,
    perSecond: updates.length / seconds,
    cpuMicros: (cpu.user + cpu.system) / updates.length,
    p50: percentile(recorder.durations, 50),
    p99: percentile(recorder.durations, 99),
  };
}

/** One update at a time: the next is pushed once the previous is done. */
export async function paced(target: BenchTarget, updates: readonly Update[]): Promise<LatencyResult> {
  const { api, recorder } = target;
  recorder.reset();
  for (const [i, update] of updates.entries()) {
    api.pushUpdate(update);
    await recorder.waitFor(i + 1, PHASE_TIMEOUT_MS);
  }
  failIfErrors(target, updates.length);
  const { durations } = recorder;
  return {
    count: durations.length,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    mean: durations.reduce((a, b) => a + b, 0) / durations.length,
    max: Math.max(...durations),
  };
}

/** A benchmark that measures errors proves nothing. */
function failIfErrors(target: BenchTarget, expected: number): void {
  const { recorder } = target;
  if (recorder.failures > 0 || recorder.durations.length !== expected) {
    throw new Error(
      `${target.name}: ${recorder.failures} update(s) failed, ${recorder.durations.length} of ${expected} timed`,
    );
  }
}
