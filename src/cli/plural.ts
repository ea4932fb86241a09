/**
 * A count and its noun, in the singular for one.
 *
 * @example
 * plural(1, 'run'); // '1 run'
 * plural(22, 'run'); // '22 runs'
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
