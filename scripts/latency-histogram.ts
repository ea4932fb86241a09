/** Relative width of a bucket: every recorded value is known to within 1 %. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** The smallest latency told apart from zero, in milliseconds (1 µs). */
const FLOOR_MS = 0.001;

/**
 * Latencies in logarithmic buckets: constant memory however long a soak runs (an hour at 20,000 requests
 * a second would be 72 million samples), percentiles to within 1 %. Autocannon's own histogram keeps whole
 * milliseconds only, too coarse for sub-millisecond answers.
 */
export class LatencyHistogram {
  readonly #counts = new Map<number, number>();
  #total = 0;
  #maxMs = 0;

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    const bucket = ms <= FLOOR_MS ? 0 : Math.ceil(Math.log(ms / FLOOR_MS) / LOG_GROWTH);
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#total++;
    this.#maxMs = Math.max(this.#maxMs, ms);
  }

  get count(): number {
    return this.#total;
  }

  get maxMs(): number {
    return this.#maxMs;
  }

  /** The latency `p` percent of the samples do not exceed (the bucket's upper bound); NaN when empty. */
  percentile(p: number): number {
    if (this.#total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#total));
    let seen = 0;
    for (const bucket of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(bucket) ?? 0;
      if (seen >= rank) return Math.min(this.#maxMs, FLOOR_MS * GROWTH ** bucket);
    }
    return this.#maxMs;
  }
}
