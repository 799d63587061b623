import PQueue from 'p-queue';

/** The clock and sleep the limiter uses; the default is the real (or vitest's fake) timers. */
export interface LimiterTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTimers: LimiterTimers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * How a 429 slows the global rate: it is cut by `factor` (at most once per `cooldownMs`, since one
 * flood answers many sends at once), never below `floor`, and climbs back linearly, from the floor to
 * full speed in `recoverMs`.
 */
export interface Slowdown {
  factor: number;
  floor: number;
  cooldownMs: number;
  recoverMs: number;
}

export const DEFAULT_SLOWDOWN: Slowdown = { factor: 0.8, floor: 0.5, cooldownMs: 1000, recoverMs: 5000 };

/**
 * The global rate of one channel: slots evenly spaced at `perSecond` (so no window of a second holds
 * more than the rate), handed out one at a time, highest priority first (p-queue with concurrency 1),
 * slowed after a 429 (see `Slowdown`).
 */
export class GlobalPace {
  private readonly gate = new PQueue({ concurrency: 1 });
  private lastSlot = -Infinity;
  private nextSlot = -Infinity;
  private cut = { to: 1, at: -Infinity };

  constructor(
    private readonly perSecond: number,
    private readonly slowdown: Slowdown,
    private readonly timers: LimiterTimers,
  ) {}

  /** The rate now, slowdown included (sends per second). */
  get ratePerSecond(): number {
    return this.perSecond * this.multiplierAt(this.timers.now());
  }

  /** Resolves at the caller's slot; `refused()` is asked at the turn and at the slot (a closed limiter). */
  take(priority: number, refused: () => Error | undefined): Promise<void> {
    return this.gate.add(() => this.takeSlot(refused), { priority });
  }

  /** A 429: cut the rate (at most once per cooldown); the slot already handed out keeps its time. */
  slowDown(): void {
    const now = this.timers.now();
    const { factor, floor, cooldownMs } = this.slowdown;
    if (now - this.cut.at < cooldownMs) return;
    this.cut = { to: Math.max(floor, this.multiplierAt(now) * factor), at: now };
    this.nextSlot = Math.max(this.nextSlot, this.lastSlot + this.intervalAt(now));
  }

  private async takeSlot(refused: () => Error | undefined): Promise<void> {
    const before = refused();
    if (before) throw before;
    const now = this.timers.now();
    const slot = Math.max(now, this.nextSlot);
    this.lastSlot = slot;
    this.nextSlot = slot + this.intervalAt(slot);
    // Timers fire on whole milliseconds: round up, so a send never starts before its slot.
    if (slot > now) await this.timers.sleep(Math.ceil(slot - now));
    const after = refused();
    if (after) throw after;
  }

  private intervalAt(t: number): number {
    return 1000 / (this.perSecond * this.multiplierAt(t));
  }

  private multiplierAt(t: number): number {
    const { floor, recoverMs } = this.slowdown;
    return Math.min(1, this.cut.to + ((t - this.cut.at) / recoverMs) * (1 - floor));
  }
}
