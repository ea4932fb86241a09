import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alternateRounds } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { ratioRow } from './ratio-row.js';
import { median, pairedRatio } from './sample-statistics.js';

const SECTION = 'startup';
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What is imported, by specifier, as a user's code would: `express` and this package's root entry. */
const SUBJECTS = [
  { label: 'import express', specifier: 'express' },
  { label: "import 'langgraph-mock-server'", specifier: 'langgraph-mock-server' },
] as const;

/**
 * Time to import the package root against importing Express alone, each in a fresh Node process, in
 * alternating rounds. The root serves the mock, so Express is its floor; what it adds on top (faker, the
 * store, the HTTP edge) is what the ratio shows, and Ajv, Prism or fast-check loaded by mistake would show
 * as a jump. Timed inside the child, around the `import()`, so Node's own start-up is left out.
 */
export async function measureImportTime(
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  // Node start-up dwarfs an import on a busy machine; more rounds than start-ups keep the median steady.
  const rounds = profile.startupRepeats * 3;
  log(`${SECTION}: warming up the import timings`);
  for (const subject of SUBJECTS) await timeImport(subject.specifier);
  const [express = [], root = []] = await alternateRounds(SUBJECTS, rounds, (subject, round) => {
    log(`${SECTION}: import ${round + 1}/${rounds}, ${subject.specifier}`);
    return timeImport(subject.specifier);
  });
  const row = (label: string, samples: readonly ImportTime[]): BenchRow => ({
    section: SECTION,
    measure: label,
    value: median(samples.map((sample) => sample.wallMs)),
    unit: 'ms',
    note: `CPU ${median(samples.map((sample) => sample.cpuMs)).toFixed(0)} ms`,
  });
  return [
    row(SUBJECTS[0].label, express),
    row(SUBJECTS[1].label, root),
    ratioRow({
      section: SECTION,
      measure: `${SUBJECTS[1].label} ÷ import express`,
      numerators: root.map((sample) => sample.wallMs),
      denominators: express.map((sample) => sample.wallMs),
      target: { comparison: 'at-most', bound: 1.3 },
      // On a shared machine wall time includes waiting for a core; CPU time does not.
      note: `CPU time ${pairedRatio(
        root.map((sample) => sample.cpuMs),
        express.map((sample) => sample.cpuMs),
      ).toFixed(2)}x`,
    }),
  ];
}

/** One import, timed on the wall clock and in CPU time (user + system). */
interface ImportTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** How long one fresh process takes to `import(specifier)`, resolved from the project root. */
function timeImport(specifier: string): Promise<ImportTime> {
  const script = [
    'const cpu = process.cpuUsage();',
    'const started = performance.now();',
    `await import(${JSON.stringify(specifier)});`,
    'const wallMs = performance.now() - started;',
    'const { user, system } = process.cpuUsage(cpu);',
    'process.stdout.write(JSON.stringify({ wallMs, cpuMs: (user + system) / 1000 }));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error !== null) {
          reject(new Error(`importing ${specifier} failed: ${stderr || error.message}`));
        } else {
          resolve(JSON.parse(stdout) as ImportTime);
        }
      },
    );
  });
}
