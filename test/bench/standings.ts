/**
 * Standings plus chart for a large bloc (1,000 units × 40 indicators × 12 months, in memory) and a
 * tenth of it: both times, their ratio (aim ≤ 11, no worse than linear), the peak memory, and the
 * longest event-loop stall while the large one is computed (aim < 100 ms). Part of `npm run bench`
 * (`-- --standings` runs only this section).
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Submissions } from '../../src/app/ports.ts';
import { computeStandings } from '../../src/app/use-cases/standings.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import { renderStandingsChart } from '../../src/reports/chart.ts';
import { inMemorySubmissions, largeBloc } from './standings-workload.ts';

const INDICATORS = 40;
const MONTHS = 12;
const LARGE_UNITS = 1000;
const AIM_RATIO = 11;
const AIM_STALL_MS = 100;
/** 15 January 2024: the year 2023 is over, so its year to date is all twelve months. */
const NOW = new Date('2024-01-15T03:00:00Z');

// A full collection between phases, so one phase does not pay for the garbage of the one before
// (generating the large bloc's reports, above all). `npm run bench` passes no --expose-gc flag.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const unused = () => Promise.reject(new Error('not read by standings'));

function reposOf(bloc: Bloc): { submissions: Submissions } {
  const { listForPeriod } = inMemorySubmissions(bloc, MONTHS);
  return { submissions: { listForPeriod, lock: unused, find: unused, write: unused, auditTrail: unused } };
}

interface Timing {
  standings: number;
  chart: number;
  total: number;
}

/** What the chat sends: the year's table and a chart of the top 10 and the bottom 3; each part timed. */
async function standingsAndChart(bloc: Bloc, repos: { submissions: Submissions }): Promise<Timing> {
  const start = performance.now();
  const report = await computeStandings(repos, bloc, { kind: 'year', year: 2023 }, NOW);
  const scored = performance.now();
  const shown = [...report.rows.slice(0, 10), ...report.rows.slice(-3)];
  const chart = await renderStandingsChart({
    title: 'Bảng xếp hạng năm 2023',
    provisionalLabel: 'Kết quả tạm tính',
    bars: shown.map((r) => ({ label: r.unit.name, value: r.total })),
  });
  const end = performance.now();
  if (chart.png.length === 0 || report.rows.length !== bloc.years[0]?.units.length) throw new Error('bad result');
  return { standings: scored - start, chart: end - scored, total: end - start };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

function line(units: number, times: Timing[]): string {
  const of = (part: keyof Timing) => median(times.map((t) => t[part]));
  return `  ${String(units).padStart(5)} units: ${ms(of('total'))} (standings ${ms(of('standings'))}, chart ${ms(of('chart'))})`;
}

async function rounds(n: number, run: () => Promise<Timing>): Promise<Timing[]> {
  const times: Timing[] = [];
  for (let i = 0; i < n; i++) times.push(await run());
  return times;
}

export async function runStandingsBench(n: number): Promise<void> {
  const small = largeBloc(LARGE_UNITS / 10, INDICATORS);
  const large = largeBloc(LARGE_UNITS, INDICATORS);
  const smallRepos = reposOf(small);
  const largeRepos = reposOf(large);
  // Warm-up, not measured: JIT, font registration, chart.js's first draw.
  await standingsAndChart(small, smallRepos);
  await standingsAndChart(large, largeRepos);
  collect();
  const smallTimes = await rounds(n, () => standingsAndChart(small, smallRepos));

  collect();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let peakHeap = 0;
  const probe = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  delay.enable();
  const largeTimes = await rounds(n, () => standingsAndChart(large, largeRepos));
  delay.disable();
  clearInterval(probe);

  const ratio = median(largeTimes.map((t) => t.total)) / median(smallTimes.map((t) => t.total));
  const scoringRatio = median(largeTimes.map((t) => t.standings)) / median(smallTimes.map((t) => t.standings));
  const stallMs = delay.max / 1e6;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `\nStandings + chart: year to date, ${MONTHS} months × ${INDICATORS} indicators in memory, chart of top 10 + bottom 3, medians of ${n}`,
  );
  console.log(line(LARGE_UNITS / 10, smallTimes));
  console.log(line(LARGE_UNITS, largeTimes));
  console.log(
    `  ratio: ${ratio.toFixed(1)} (aim ≤ ${AIM_RATIO}: ${verdict(ratio <= AIM_RATIO)}); standings alone: ${scoringRatio.toFixed(1)}`,
  );
  console.log(
    `  longest event-loop stall, large runs: ${stallMs.toFixed(1)} ms (aim < ${AIM_STALL_MS}: ${verdict(stallMs < AIM_STALL_MS)})`,
  );
  console.log(
    `  peak memory: heap ${mb(peakHeap)} (sampled every 5 ms), RSS ${mb(process.resourceUsage().maxRSS * 1024)} (process maximum)`,
  );
  console.log(`  load average (1 min): ${loadavg()[0]?.toFixed(1)}`);
}
