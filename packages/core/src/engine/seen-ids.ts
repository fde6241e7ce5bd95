/**
 * The event ids an engine has seen, with their event time, so a re-delivery changes nothing.
 * Ids older than a window are forgotten to bound memory. Membership is a Set; ids and times
 * are also kept in arrival order in two flat arrays, so forgetting the oldest walks an array
 * (no Map iteration, which allocates an entry per step) and no time is boxed per id.
 */
export class SeenIds {
  private readonly live = new Set<string>();
  private readonly ids: string[] = [];
  private readonly times: number[] = [];
  /** Ids before this index in `ids` are forgotten. */
  private head = 0;

  constructor(private readonly windowMs: number) {}

  has(id: string): boolean {
    return this.live.has(id);
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.live.size;
  }

  /** Records an id not seen before, as a snapshot restores it: nothing is forgotten. */
  load(id: string, at: number): void {
    this.live.add(id);
    this.ids.push(id);
    this.times.push(at);
  }

  /** Records an id not seen before; every 1,024 ids, forgets those older than the window. */
  add(id: string, at: number, clock: number): void {
    this.load(id, at);
    if (this.live.size % 1024 !== 0) return;
    // Ids arrive roughly in time order, so the oldest sit at the front; stop at the first
    // one inside the window.
    const cutoff = clock - this.windowMs;
    while (this.head < this.ids.length && !((this.times[this.head] ?? 0) >= cutoff)) {
      this.live.delete(this.ids[this.head] ?? "");
      this.head++;
    }
    if (this.head > 4096 && this.head * 2 > this.ids.length) {
      this.ids.splice(0, this.head);
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Id → event time (epoch ms) of every remembered id, oldest first: what a snapshot saves. */
  toMap(): Map<string, number> {
    const map = new Map<string, number>();
    for (let i = this.head; i < this.ids.length; i++)
      map.set(this.ids[i] ?? "", this.times[i] ?? 0);
    return map;
  }
}

/**
 * For a stream whose ids are unique by construction (a replay of the event log, which
 * stores each id once): remembers nothing, so a million-event backtest neither looks ids up
 * nor keeps them.
 */
export class UniqueIds extends SeenIds {
  constructor() {
    super(0);
  }

  override has(): boolean {
    return false;
  }

  override load(): void {}

  override add(): void {}
}
