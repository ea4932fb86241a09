/** The first position in ascending `values` whose value is >= `target` (values.length if none). */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `value` into ascending `values`, keeping the order; no-op when it is already there. */
export function insertSorted(values: number[], value: number): void {
  const at = lowerBound(values, value);
  if (values[at] !== value) values.splice(at, 0, value);
}

/** True when ascending `values` holds `value`. */
export function hasSorted(values: readonly number[], value: number): boolean {
  return values[lowerBound(values, value)] === value;
}
