/**
 * The deepest nesting of objects and arrays the store takes inside a run's `metadata` or `kwargs`.
 * Deeper values once broke every later read of the run (a stack overflow while checking or rendering
 * it); real runs nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The path (`a.b.0.c`, relative to `value`) of the first object or array nested deeper than `maxDepth`
 * levels, `value` itself being level 1; undefined when none is. The walk recurses at most `maxDepth + 1`
 * frames deep, whatever the value's depth, so any depth is measured safely; it allocates nothing until
 * it has a path to spell out (it runs on every run of a 100,000-run fixture file).
 *
 * @example
 * findDeepJson({ a: { b: {} } }, 2); // 'a.b'
 */
export function findDeepJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const path = tooDeepAt(value, 1, maxDepth);
  return path?.reverse().join('.');
}

/** The path to the first too-deep value under `value` (at `depth`), innermost key first. */
function tooDeepAt(value: unknown, depth: number, maxDepth: number): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > maxDepth) return [];
  // Arrays by index: `for…in` would spell out every index as a string, doubling the walk's cost.
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const path = tooDeepAt(value[index], depth + 1, maxDepth);
      if (path !== undefined) {
        path.push(String(index));
        return path;
      }
    }
    return undefined;
  }
  const container = value as Record<string, unknown>;
  for (const key in container) {
    const child = container[key];
    if (typeof child !== 'object' || child === null) continue;
    const path = tooDeepAt(child, depth + 1, maxDepth);
    if (path !== undefined) {
      path.push(key);
      return path;
    }
  }
  return undefined;
}
