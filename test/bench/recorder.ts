import { performance } from 'node:perf_hooks';

/**
 * What a bot under test reports about each update: `begin` when it receives the update (our channel
 * handing it to the engine; the echo bot's middleware), `end` when it is done (the engine's commit;
 * the echo's reply sent). Times are `performance.now()` in ms.
 */
export class Recorder {
  private readonly started = new Map<number, number>();
  private waiter: { target: number; resolve: () => void } | undefined;
  durations: number[] = [];
  firstStart = Number.POSITIVE_INFINITY;
  lastEnd = 0;
  done = 0;
  /** Updates that ended in an error (a failed or duplicate update, a reply that was refused). */
  failures = 0;

  /** Forgets the previous phase. */
  reset(): void {
    this.started.clear();
    this.durations = [];
    this.firstStart = Number.POSITIVE_INFINITY;
    this.lastEnd = 0;
    this.done = 0;
    this.failures = 0;
  }

  begin(updateId: number): void {
    const now = performance.now();
    this.started.set(updateId, now);
    if (now < this.firstStart) this.firstStart = now;
  }

  end(updateId: number, ok: boolean): void {
    const now = performance.now();
    const start = this.started.get(updateId);
    this.started.delete(updateId);
    if (start !== undefined) this.durations.push(now - start);
    this.lastEnd = now;
    this.done += 1;
    if (!ok) this.failures += 1;
    if (this.waiter && this.done >= this.waiter.target) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve();
    }
  }

  /** Resolves once `count` updates of this phase have ended; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void> {
    if (this.done >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`timed out after ${timeoutMs} ms: ${this.done} of ${count} updates handled`));
      }, timeoutMs);
      this.waiter = {
        target: count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}
