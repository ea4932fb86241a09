import { judge, type BenchRow, type BenchUnit, type Target } from './bench-row.js';
import type { MachineInfo } from './machine-info.js';

/** Everything one bench run prints. */
export interface BenchReport {
  readonly machine: MachineInfo;
  readonly mode: string;
  readonly command: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** CPUs' worth of time other processes used during the run, when the platform tells (Linux). */
  readonly otherCpus: number | undefined;
  readonly rows: readonly BenchRow[];
}

// Above this, another process took a noticeable share of a machine the bench expects to have to itself.
const OTHER_CPUS_WARNING = 0.1;

/** The table's column headers, exported so the smoke test can look for them. */
export const TABLE_HEADERS = ['Section', 'Measure', 'Value', 'Target', 'Result'] as const;

/**
 * Renders the rows as one Markdown table (also readable in a terminal). Rows without a target leave
 * Target and Result empty, so the eye goes to the PASS/MISS column.
 *
 * @example
 * formatBenchTable([{ section: 'memory', measure: 'RSS', value: 61.2, unit: 'MB' }]);
 */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [
    row.section,
    row.measure,
    row.note === undefined
      ? formatValue(row.value, row.unit)
      : `${formatValue(row.value, row.unit)} (${row.note})`,
    row.target === undefined ? '' : formatTarget(row.target, row.unit),
    row.target === undefined ? '' : judge(row.value, row.target),
  ]);
  const widths = TABLE_HEADERS.map((header, column) =>
    Math.max(header.length, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    line(TABLE_HEADERS),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map((values) => line(values)),
  ].join('\n');
}

/** The machine, the command and the table, as the bench prints them. */
export function formatBenchText(report: BenchReport): string {
  const { machine } = report;
  const missed = report.rows.filter(
    (row) => row.target !== undefined && judge(row.value, row.target) === 'MISS',
  );
  return [
    `Machine: ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB RAM, ${machine.platform}, Node.js ${machine.node}`,
    `Command: ${report.command} (${report.mode} mode, ${report.durationSeconds.toFixed(0)} s, started ${report.startedAt})`,
    ...(report.otherCpus === undefined
      ? []
      : [
          `Other processes used ${report.otherCpus.toFixed(2)} CPUs on average during the run${report.otherCpus > OTHER_CPUS_WARNING ? ': the figures are disturbed, run again on a quiet machine' : ''}.`,
        ]),
    '',
    formatBenchTable(report.rows),
    '',
    missed.length === 0
      ? 'Every target met.'
      : `${missed.length} target(s) missed: ${missed.map((row) => row.measure).join('; ')}.`,
  ].join('\n');
}

/** The report as JSON, each judged row with its verdict, for scripts that track the figures over time. */
export function formatBenchJson(report: BenchReport): string {
  return JSON.stringify(
    {
      ...report,
      rows: report.rows.map((row) => ({
        ...row,
        ...(row.target === undefined ? {} : { verdict: judge(row.value, row.target) }),
      })),
    },
    null,
    2,
  );
}

/** A figure with its unit, rounded to the precision that is meaningful for that unit. */
export function formatValue(value: number, unit: BenchUnit): string {
  if (Number.isNaN(value)) return 'n/a';
  switch (unit) {
    case 'x':
      return `${value.toFixed(2)}x`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
    case 'µs':
      return `${value.toFixed(0)} µs`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'B/run':
      return `${value.toFixed(1)} B/run`;
    case 'req/s':
    case 'checks/s':
      return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  }
}

/** `≥ 0.9x`, `≤ 200 MB`: the bound in the row's unit. */
export function formatTarget(target: Target, unit: BenchUnit): string {
  return `${target.comparison === 'at-least' ? '≥' : '≤'} ${formatValue(target.bound, unit)}`;
}
