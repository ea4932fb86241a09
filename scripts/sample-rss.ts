/** The child's memory over a soak. */
export interface RssSummary {
  /** Seconds into the load where the warm-up window starts (a tenth of the time). */
  readonly warmUpAtSeconds: number;
  /** Median RSS over the warm-up window (the second tenth of the time), in bytes. */
  readonly warmUpBytes: number;
  /** Median RSS over the last tenth of the time, the final sample included, in bytes. */
  readonly endBytes: number;
  readonly peakBytes: number;
  readonly growthPercent: number;
  readonly samples: number;
}

/** A running sampler; `stop` it when the load ends, then read its `summary`. */
export interface RssSampler {
  stop(): void;
  summary(): Promise<RssSummary>;
}

/**
 * Samples the RSS of `target` about twenty times a run (at most once a second) while a load of `seconds`
 * runs. A single sample can land on a garbage-collection peak (a 60-second soak of the mock swings by
 * ±8 MB around a plateau), so warm-up and end are each the median of the samples in a window: from a
 * tenth to a fifth of the time, and the last tenth. A leak still shows: it moves the whole end window.
 */
export function sampleRss(target: { rss(): Promise<number> }, seconds: number): RssSampler {
  const started = performance.now();
  const intervalMs = Math.min(1000, (seconds * 1000) / 20);
  const samples: { atSeconds: number; bytes: number }[] = [];
  const pending = new Set<Promise<void>>();
  let failure: Error | undefined;
  const take = (): void => {
    const atSeconds = (performance.now() - started) / 1000;
    const sample = target.rss().then(
      (bytes) => {
        samples.push({ atSeconds, bytes });
      },
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    pending.add(sample);
    void sample.finally(() => pending.delete(sample));
  };
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
    },
    summary: async () => {
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
      const during = (from: number, to: number): number[] =>
        samples
          .filter((sample) => sample.atSeconds >= from && sample.atSeconds <= to)
          .map((sample) => sample.bytes);
      const warmUpBytes = median(during(seconds / 10, seconds / 5));
      const endBytes = median(during(seconds * 0.9, Number.POSITIVE_INFINITY));
      return {
        warmUpAtSeconds: seconds / 10,
        warmUpBytes,
        endBytes,
        peakBytes: Math.max(...samples.map((sample) => sample.bytes)),
        growthPercent: ((endBytes - warmUpBytes) / warmUpBytes) * 100,
        samples: samples.length,
      };
    },
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
