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

export const DEFAULT_SLOWDOWN: Slowdown = { factor: 0.8, floor: 0.5, cooldownMs: 1000, recoverMs: 2000 };

/**
 * The global rate of one channel: slots evenly spaced at `perSecond`, handed out one at a time,
 * highest priority first (p-queue with concurrency 1), slowed after a 429 (see `Slowdown`). Slots a
 * late timer or a busy event loop made us miss are caught up, up to `catchUpMs` of them, but no
 * second ever holds more slots than the rate (a sliding window, as the platform counts).
 */
export class GlobalPace {
  private readonly gate = new PQueue({ concurrency: 1 });
  private lastSlot = -Infinity;
  /** When the next slot falls at an even pace (the "theoretical arrival time" of GCRA). */
  private nextSlot = -Infinity;
  /** When the sends of the last second started, oldest first. */
  private granted: number[] = [];
  private cut = { to: 1, at: -Infinity };

  constructor(
    private readonly perSecond: number,
    private readonly slowdown: Slowdown,
    private readonly timers: LimiterTimers,
    private readonly catchUpMs: number,
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
    const asked = this.timers.now();
    const slot = Math.max(asked, this.nextSlot - this.catchUpMs);
    this.lastSlot = slot;
    this.nextSlot = Math.max(this.nextSlot, slot) + this.intervalAt(slot);
    // Timers fire on whole milliseconds: round up, so a send never starts before its slot.
    if (slot > asked) await this.timers.sleep(Math.ceil(slot - asked));
    // However late the timers fired, no second holds more starts than the rate.
    for (;;) {
      const now = this.timers.now();
      let first = 0;
      while (first < this.granted.length && (this.granted[first] ?? 0) <= now - 1000) first++;
      if (first > 0) this.granted = this.granted.slice(first);
      const cap = Math.max(1, Math.floor(this.perSecond * this.multiplierAt(now)));
      if (this.granted.length < cap) {
        this.granted.push(now);
        break;
      }
      await this.timers.sleep(Math.ceil((this.granted[this.granted.length - cap] ?? now) + 1000 - now));
    }
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
