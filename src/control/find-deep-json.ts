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
  // Each entry links to its parent, so a path is spelled out only for the one value that is too deep.
  interface Entry {
    readonly value: object;
    readonly depth: number;
    readonly key: string;
    readonly parent: Entry | undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const pending: Entry[] = [{ value, depth: 1, key: '', parent: undefined }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > maxDepth) {
      const path: string[] = [];
      for (let at: Entry = next; at.parent !== undefined; at = at.parent) path.unshift(at.key);
      return path.join('.');
    }
    const container = next.value as Record<string, unknown>;
    for (const key in container) {
      const child = container[key];
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, depth: next.depth + 1, key, parent: next });
      }
    }
  }
  return undefined;
}
