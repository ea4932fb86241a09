/**
 * The deepest nesting of objects and arrays the store takes inside a run's `metadata` or `kwargs`.
 * Deeper values once broke every later read of the run (a stack overflow while checking or rendering
 * it); real runs nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The path (`a.b.0.c`, relative to `value`) of the first object or array nested deeper than `maxDepth`
 * levels, `value` itself being level 1; undefined when none is. Walks with its own stack, so any depth
 * is measured without recursion.
 *
 * @example
 * findDeepJson({ a: { b: {} } }, 2); // 'a.b'
 */
export function findDeepJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const pending: { value: unknown; depth: number; path: readonly string[] }[] = [
    { value, depth: 1, path: [] },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > maxDepth) return next.path.join('.');
    for (const [key, child] of Object.entries(next.value)) {
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, depth: next.depth + 1, path: [...next.path, key] });
      }
    }
  }
  return undefined;
}
