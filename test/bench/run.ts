/**
 * `npm run bench [-- --quick | --standings | --broadcast]`: updates per second and handling latency of the whole
 * stack (fake Bot
 * API over HTTP → telegraf long polling → engine → SQLite), one report answer per update over many
 * chats, side by side with a bare telegraf echo bot on the same kind of fake server; then standings
 * plus chart for a large bloc and a tenth of it (standings.ts), then a broadcast to 3,000 chats
 * through the send limiter against the fake's flood limits (broadcast.ts). `--standings` or
 * `--broadcast` runs only that section. Never part of `npm test`: timings depend on the machine.
 */
import { loadavg } from 'node:os';
import type { Update } from 'telegraf/types';
import { EXAMPLE_BLOC_FILE } from '../../src/cli/bloc-source.ts';
import { loadBlocs } from '../../src/config/bloc-loader.ts';
import type { Bloc } from '../../src/domain/bloc.ts';
import { startEchoBot, type EchoBot } from './echo-bot.ts';
import { startOurBot, type OurBot } from './our-bot.ts';
import { paced, pushAll, type BenchTarget, type LatencyResult, type ThroughputResult } from './phases.ts';
import { printBroadcast } from './broadcast-measure.ts';
import { runBroadcast, type BroadcastConfig } from './broadcast.ts';
import { printReport, type BenchConfig } from './report.ts';
import { runStandingsBench } from './standings.ts';
import { answerRounds, focalPoints, fullReports, openDrafts, type FocalPoint, type Planned } from './workload.ts';

const FULL: BenchConfig = { perUnit: 20, warmPerUnit: 4, warmRounds: 2, rounds: 3, latencySamples: 500 };
const QUICK: BenchConfig = { perUnit: 3, warmPerUnit: 1, warmRounds: 1, rounds: 1, latencySamples: 100 };

async function loadExampleBloc(): Promise<Bloc> {
  const { blocs, errors } = await loadBlocs(EXAMPLE_BLOC_FILE);
  const bloc = blocs[0];
  if (errors.length > 0 || !bloc) throw new Error(`the example bloc does not load: ${JSON.stringify(errors)}`);
  return bloc;
}

/** Pushes the planned messages to our bot at once and checks every one did what it should. */
async function ourBulk(ours: OurBot, planned: readonly Planned[]): Promise<ThroughputResult> {
  const mark = await ours.outboxMark();
  const result = await pushAll(ours, ours.updates(planned));
  await ours.verify(planned, mark);
  return result;
}

async function ourPaced(ours: OurBot, planned: readonly Planned[]): Promise<LatencyResult> {
  const mark = await ours.outboxMark();
  const result = await paced(ours, ours.updates(planned));
  await ours.verify(planned, mark);
  return result;
}

/** The same texts to the echo bot, checking each was echoed. */
async function echoRun<T>(
  echo: EchoBot,
  planned: readonly Planned[],
  phase: (target: BenchTarget, updates: readonly Update[]) => Promise<T>,
): Promise<T> {
  const mark = echo.api.sent.length;
  const updates = echo.updates(planned);
  const result = await phase(echo, updates);
  echo.verify(updates, mark);
  return result;
}

/** A full report per chat, opened first; both bots get the same texts. */
async function warmUp(
  ours: OurBot,
  echo: EchoBot,
  bloc: Bloc,
  people: readonly FocalPoint[],
  rounds: number,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const planned = [...openDrafts(people), ...fullReports(bloc, people)];
    // Opening first: a chat's answers must come after its `/baocao`, and all opens come first here.
    await ours.resetConversations();
    await ourBulk(ours, openDrafts(people));
    await ourBulk(ours, fullReports(bloc, people));
    await echoRun(echo, planned, pushAll);
  }
}

/**
 * Telegram's global limit scaled ×10 (300/s) so that a run takes seconds, tolerating bursts of half a
 * second's worth as Telegram tolerates short ones; the limiter runs 3 % under it. A last run holds
 * the fake to a strict one-second window, to show what timing jitter alone costs.
 */
const BROADCAST: Omit<BroadcastConfig, 'label'> = {
  chats: 3000,
  allowedPerSecond: 300,
  allowedBurst: 150,
  limiterPerSecond: 291,
  maxAttempts: 8,
  backoffMs: 1000,
  warmUpChats: 300,
};

async function broadcastSection(quick: boolean): Promise<void> {
  const base = { ...BROADCAST, chats: quick ? 600 : BROADCAST.chats };
  const faults = { serverError: 0.05, tooManyRequests: 0.01, retryAfterS: 1, seed: 8 };
  const results = [
    await runBroadcast({ ...base, label: 'clean' }),
    await runBroadcast({ ...base, label: 'with 5 % of calls failing 5xx and 1 % 429', faults }),
    await runBroadcast({ ...base, allowedBurst: undefined, label: 'clean, strict one-second window' }),
  ];
  printBroadcast(results, Math.round((loadavg()[0] ?? 0) * 10) / 10);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--broadcast')) return broadcastSection(quick);
  if (!process.argv.includes('--standings')) await botBench(quick ? QUICK : FULL);
  await runStandingsBench(quick ? 1 : 5);
  if (!process.argv.includes('--standings')) await broadcastSection(quick);
}

async function botBench(config: BenchConfig): Promise<void> {
  const bloc = await loadExampleBloc();
  const people = focalPoints(bloc, config.perUnit, 100_001);
  const warm = focalPoints(bloc, config.warmPerUnit, 900_001);
  const ours = await startOurBot(bloc, [...people, ...warm]);
  const echo = await startEchoBot();
  try {
    await warmUp(ours, echo, bloc, warm, config.warmRounds);

    const throughput: Array<{ ours: ThroughputResult; echo: ThroughputResult }> = [];
    for (let round = 0; round < config.rounds; round++) {
      // Not measured: every chat opens a fresh draft at indicator 1.
      await ours.resetConversations();
      await ourBulk(ours, openDrafts(people));
      const answers = fullReports(bloc, people);
      throughput.push({ ours: await ourBulk(ours, answers), echo: await echoRun(echo, answers, pushAll) });
    }

    await ours.resetConversations();
    await ourBulk(ours, openDrafts(people));
    const answers = answerRounds(bloc, people, config.latencySamples);
    const latency = { ours: await ourPaced(ours, answers), echo: await echoRun(echo, answers, paced) };

    printReport({ config, chats: people.length, units: people.length / config.perUnit, throughput, latency });
  } finally {
    await ours.close();
    await echo.close();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
