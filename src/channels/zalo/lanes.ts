/**
 * Recently seen update ids, oldest forgotten first (a Map keeps insertion order). The engine's
 * processed-updates table is what really deduplicates; this only skips an obvious repeat (Zalo
 * redelivering a message) before it costs a transaction.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 2000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }

  delete(id: string): void {
    this.ids.delete(id);
  }
}

/**
 * One lane per chat: a chat's updates run one after another, in the order they came, while other
 * chats run beside it (reference: per-chat serial queues, so one slow chat does not hold the poll).
 * `waitForRoom` bounds the lanes and the queued updates, so a flood waits at getUpdates instead of
 * growing memory.
 */
export class ChatLanes {
  private readonly lanes = new Map<string, Promise<void>>();
  private pending = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly maxLanes = 8,
    private readonly maxPending = 64,
  ) {}

  push(chatId: string, task: () => Promise<void>): void {
    this.pending++;
    const previous = this.lanes.get(chatId) ?? Promise.resolve();
    // `task` never rejects (the poller catches), but a lane must survive one that does.
    const tail = previous.then(task).catch(() => undefined);
    this.lanes.set(chatId, tail);
    void tail.finally(() => {
      this.pending--;
      if (this.lanes.get(chatId) === tail) this.lanes.delete(chatId);
      for (const wake of [...this.waiters]) wake();
    });
  }

  get hasRoom(): boolean {
    return this.lanes.size < this.maxLanes && this.pending < this.maxPending;
  }

  /** Resolves once another chat could start (or at once); `signal` ends the wait early. */
  waitForRoom(signal?: AbortSignal): Promise<void> {
    if (this.hasRoom || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        if (!this.hasRoom && !signal?.aborted) return;
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  /** Resolves when every update pushed so far has been handled. */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
  }

  get size(): number {
    return this.lanes.size;
  }
}
