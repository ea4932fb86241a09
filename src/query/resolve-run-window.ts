import type { RunWindow } from './list-runs-query.js';

/**
 * The offset and limit a window amounts to on a list of `total` runs. A Python slice is normalised as
 * Python does: a negative index counts from the end, then both ends are clamped to [0, total].
 *
 * @example
 * resolveRunWindow({ kind: 'python-slice', start: -2, stop: 8 }, 40); // { offset: 38, limit: 0 }
 */
export function resolveRunWindow(window: RunWindow, total: number): { offset: number; limit: number } {
  if (window.kind === 'page') return { offset: window.offset, limit: window.limit };
  const clamp = (index: number): number => Math.min(Math.max(index < 0 ? total + index : index, 0), total);
  const start = clamp(window.start);
  return { offset: start, limit: Math.max(0, clamp(window.stop) - start) };
}
