import type { BroadcastConfig } from './broadcast.ts';
import type { FakeReport } from './fake-api-child.ts';

/** The measured chats are FIRST_CHAT, FIRST_CHAT + 1, … (the warm-up uses others). */
export const FIRST_CHAT = 300_001;

/** What the sending side saw of the measured run (times from Date.now(), the fake's clock too). */
export interface SenderLog {
  /** When each send (first attempts and retries) was handed to the telegraf sender. */
  starts: number[];
  firstAttempts: Map<string, number>;
  retries: number;
  wallMs: number;
}

export interface BroadcastResult {
  config: BroadcastConfig;
  /** Sends the fake admitted per second, from the first until every chat had its first try. */
  steadyPerSecond: number;
  /** Messages delivered per second, first to last, retries' tail included. */
  deliveredPerSecond: number;
  /** The time from the last first try to the last delivery: retries backing off. */
  tailMs: number;
  wallMs: number;
  /** The most sends our side started in any one second. */
  senderMaxPerSecond: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** 429s for a limit the fake enforces: our own doing (or timing jitter between the processes). */
  selfInflicted429: Record<string, number>;
  injected429: number;
  injected5xx: number;
  retries: number;
}

export function measureBroadcast(config: BroadcastConfig, report: FakeReport, log: SenderLog): BroadcastResult {
  const measured = (chat: string) => Number(chat) >= FIRST_CHAT && Number(chat) < FIRST_CHAT + config.chats;
  const calls = report.calls.filter((c) => measured(c.chat));
  const sent = report.sent.filter(measured);
  const admitted = calls.filter((c) => !c.limited).map((c) => c.at);
  // An admitted call with no fault is one the fake stored.
  const delivered = calls.filter((c) => !c.limited && c.fault === undefined).map((c) => c.at);
  const lastFirstTry = Math.max(...log.firstAttempts.values());
  const perChat = new Map<string, number>();
  for (const chat of sent) perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (let i = 0; i < config.chats; i++) {
    const count = perChat.get(String(FIRST_CHAT + i)) ?? 0;
    if (count === 0) lost += 1;
    if (count > 1) duplicated += 1;
  }
  const selfInflicted429: Record<string, number> = {};
  for (const c of calls) if (c.limited) selfInflicted429[c.limited] = (selfInflicted429[c.limited] ?? 0) + 1;
  return {
    config,
    steadyPerSecond: perSecond(admitted.filter((at) => at <= lastFirstTry)),
    deliveredPerSecond: perSecond(delivered),
    tailMs: Math.max(0, Math.max(...delivered) - lastFirstTry),
    wallMs: log.wallMs,
    senderMaxPerSecond: mostInOneSecond(log.starts),
    delivered: sent.length,
    lost,
    duplicated,
    selfInflicted429,
    injected429: calls.filter((c) => !c.limited && c.status === 429).length,
    injected5xx: calls.filter((c) => (c.status ?? 0) >= 500).length,
    retries: log.retries,
  };
}

/** n events over their span: (n − 1) intervals between the first and the last. */
function perSecond(times: number[]): number {
  if (times.length < 2) return 0;
  const span = Math.max(...times) - Math.min(...times);
  return span > 0 ? ((times.length - 1) * 1000) / span : 0;
}

function mostInOneSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const AIM_RATIO = 0.95;

/** The table `npm run bench` prints for the broadcast runs. */
export function printBroadcast(results: readonly BroadcastResult[], loadAverage: number): void {
  const lines = ['', `broadcast through the send limiter and the telegraf sender (load average ${loadAverage}):`];
  for (const r of results) {
    const { config: c } = r;
    const ratio = r.steadyPerSecond / c.allowedPerSecond;
    const own = Object.entries(r.selfInflicted429);
    const own429 = own.reduce((sum, [, n]) => sum + n, 0);
    lines.push(
      `  ${c.label}: ${c.chats} chats, fake allows ${c.allowedPerSecond}/s ` +
        `(${c.allowedBurst ? `bursts of ${c.allowedBurst}` : 'strict 1 s window'}; 1/s per chat, 20/min per group), ` +
        `limiter set to ${c.limiterPerSecond}/s`,
      `    achieved ${r.steadyPerSecond.toFixed(1)}/s ÷ allowed ${c.allowedPerSecond}/s = ${ratio.toFixed(3)} ` +
        `(aim ≥ ${AIM_RATIO}: ${ratio >= AIM_RATIO ? 'met' : 'NOT met'}); delivered ${r.deliveredPerSecond.toFixed(1)}/s ` +
        `overall, retry tail ${(r.tailMs / 1000).toFixed(1)} s, wall ${(r.wallMs / 1000).toFixed(1)} s`,
      `    lost ${r.lost}, duplicated ${r.duplicated}, delivered ${r.delivered}; ` +
        `429s received: ${own429} self-inflicted${own.length ? ` (${own.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}, ` +
        `${r.injected429} injected; 5xx injected ${r.injected5xx}; retries ${r.retries}; ` +
        `most started by us in one second: ${r.senderMaxPerSecond}`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}
