/** Counts as one line, in the order they were first counted: `200 69, 404 88`. */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

/** How many answers, of counts by status, were a 5xx. */
export function countServerErrors(byStatus: Readonly<Record<string, number>>): number {
  return Object.entries(byStatus)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
}
