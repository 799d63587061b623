import { arch, cpus, platform, totalmem } from 'node:os';
import type { LatencyResult, ThroughputResult } from './phases.ts';

export interface BenchConfig {
  /** Focal points per unit: chats = units × perUnit. */
  perUnit: number;
  /** Separate chats that warm up both bots (JIT, SQLite page cache), not measured. */
  warmPerUnit: number;
  warmRounds: number;
  /** Throughput rounds: a full report from every chat each; the median round is reported. */
  rounds: number;
  latencySamples: number;
}

export interface BenchResults {
  config: BenchConfig;
  chats: number;
  units: number;
  throughput: Array<{ ours: ThroughputResult; echo: ThroughputResult }>;
  latency: { ours: LatencyResult; echo: LatencyResult };
}

/** The aims: at least half the echo bot's throughput, p99 under 20 ms. */
const AIM_RATIO = 0.5;
const AIM_P99_MS = 20;

function median<T>(items: readonly T[], by: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => by(a) - by(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error('no rounds');
  return middle;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const rate = (n: number) => `${Math.round(n)} /s`;

function row(label: string, ours: string, echo: string, note = ''): string {
  return `${label.padEnd(26)}${ours.padStart(20)}${echo.padStart(20)}   ${note}`;
}

export function printReport(results: BenchResults): void {
  const { config, throughput, latency } = results;
  const ours = median(throughput, (r) => r.ours.perSecond).ours;
  const echo = median(throughput, (r) => r.echo.perSecond).echo;
  const ratio = ours.perSecond / echo.perSecond;
  const spread = (pick: (r: { ours: ThroughputResult; echo: ThroughputResult }) => ThroughputResult) =>
    throughput.map((r) => Math.round(pick(r).perSecond)).join(' ');
  const cpu = cpus();
  const lines = [
    '',
    `thidua-bot benchmark — report answers through the whole stack vs a bare telegraf echo bot`,
    `node ${process.version}, ${platform()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `${results.chats} chats (${results.units} units × ${config.perUnit} focal points); throughput: ${ours.count} answers at once, ` +
      `${config.rounds} round(s), median shown; latency: ${latency.ours.count} answers one at a time`,
    '',
    row('', 'thidua-bot', 'telegraf echo', 'ours / echo'),
    row(
      'throughput',
      rate(ours.perSecond),
      rate(echo.perSecond),
      `${ratio.toFixed(2)}  (aim ≥ ${AIM_RATIO}: ${ratio >= AIM_RATIO ? 'met' : 'NOT met'})`,
    ),
    row(
      '  each round',
      spread((r) => r.ours),
      spread((r) => r.echo),
    ),
    row(
      '  CPU per update',
      `${ours.cpuMicros.toFixed(0)} µs`,
      `${echo.cpuMicros.toFixed(0)} µs`,
      `${(ours.cpuMicros / echo.cpuMicros).toFixed(2)}  (whole process)`,
    ),
    row(
      '  under load p50 / p99',
      `${ours.p50.toFixed(0)} / ${ours.p99.toFixed(0)} ms`,
      `${echo.p50.toFixed(0)} / ${echo.p99.toFixed(0)} ms`,
      '(queued behind the batch)',
    ),
    row('latency p50', ms(latency.ours.p50), ms(latency.echo.p50), (latency.ours.p50 / latency.echo.p50).toFixed(2)),
    row(
      'latency p99',
      ms(latency.ours.p99),
      ms(latency.echo.p99),
      `${(latency.ours.p99 / latency.echo.p99).toFixed(2)}  (aim < ${AIM_P99_MS} ms: ${latency.ours.p99 < AIM_P99_MS ? 'met' : 'NOT met'})`,
    ),
    row(
      'latency mean / max',
      `${latency.ours.mean.toFixed(1)} / ${latency.ours.max.toFixed(0)} ms`,
      `${latency.echo.mean.toFixed(1)} / ${latency.echo.max.toFixed(0)} ms`,
    ),
    '',
    'thidua-bot: receipt = the channel hands the update to the engine; done = committed (replies in the outbox, not sent).',
    'echo: receipt = its middleware runs; done = ctx.reply resolved. Every update was checked to have done its job.',
    '',
  ];
  console.log(lines.join('\n'));
}
