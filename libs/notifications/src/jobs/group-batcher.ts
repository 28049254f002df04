interface Waiting<K, V> {
  key: K;
  resolve: (value: V) => void;
  reject: (error: Error) => void;
}

/**
 * Turns many concurrent single-item calls into few batched ones, like a database's group commit:
 * the first call runs at once (after the current turn of the event loop), and calls arriving while
 * a batch is in flight wait and go together in the next one. Idle, a call costs one round trip;
 * busy, batches grow by themselves to about the number of jobs in flight, with no timer to tune.
 * `run` returns one result per key, in order: a value, or an Error for that key alone.
 */
export class GroupBatcher<K, V> {
  private waiting: Waiting<K, V>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<(V | Error)[]>,
    private readonly parallel = 1,
    private readonly maxBatch = 500,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.parallel || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.dispatch();
    });
  }

  private async dispatch(): Promise<void> {
    if (this.running >= this.parallel || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.maxBatch);
    this.running += 1;
    try {
      const results = await this.run(batch.map((entry) => entry.key));
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result as V);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error as Error);
    } finally {
      this.running -= 1;
      this.schedule();
    }
  }
}
