import { MAX_RSS_GROWTH_PERCENT, type SoakReport } from './run-soak.js';

/** True when the soak found nothing wrong: every status expected, no connection errors, RSS within bound. */
export function soakPassed(report: SoakReport): boolean {
  return (
    report.unexpected === 0 &&
    report.requests.errors === 0 &&
    report.requests.answered > 0 &&
    report.rss.growthPercent <= MAX_RSS_GROWTH_PERCENT
  );
}

/** The soak report as text: counts, unexpected statuses by request, latency, RSS and the verdict. */
export function formatSoakReport(report: SoakReport): string {
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  const seconds = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} s`;
  const lines = [
    `soak: ${report.seconds} s, ${report.connections} connections, mock pid ${report.pid} at ${report.url}`,
    `requests:   ${report.requests.sent} sent, ${report.requests.answered} answered, ${report.requests.errors} errors (${report.requests.timeouts} timeouts)`,
    `by status:  ${Object.entries(report.byStatus)
      .map(([status, count]) => `${status} ${count}`)
      .join(', ')}`,
    `unexpected: ${report.unexpected}`,
  ];
  for (const entry of report.perRequest.filter((candidate) => candidate.unexpected > 0)) {
    lines.push(
      `  ${entry.method} ${entry.path}: expected ${entry.expected.join('/')}, got ${JSON.stringify(entry.byStatus)}`,
    );
  }
  const sign = report.rss.growthPercent >= 0 ? '+' : '';
  lines.push(
    `latency:    p50 ${ms(report.latencyMs.p50)}, p99 ${ms(report.latencyMs.p99)}, max ${ms(report.latencyMs.max)}`,
    `rss:        warm-up ${mb(report.rss.warmUpBytes)} (median from ${seconds(report.seconds / 10)} to ${seconds(report.seconds / 5)}), end ${mb(report.rss.endBytes)} (median of the last ${seconds(report.seconds / 10)}), peak ${mb(report.rss.peakBytes)}`,
    `rss growth: ${sign}${report.rss.growthPercent.toFixed(1)}% (bound ${MAX_RSS_GROWTH_PERCENT}%, ${report.rss.samples} samples)`,
    `verdict:    ${soakPassed(report) ? 'PASS' : 'FAIL'}`,
  );
  return `${lines.join('\n')}\n`;
}
