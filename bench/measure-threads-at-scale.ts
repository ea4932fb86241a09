import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { alternateRounds } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { httpGet } from './http-get.js';
import { ratioRow } from './ratio-row.js';
import { median } from './sample-statistics.js';

/** What the section starts: the CLI bundle, the default page to wait for, and a fixture file to serve. */
export interface ThreadsAtScaleSubjects {
  readonly cli: URL;
  /** The default page of a scenario thread: the first 200 that says a seeded server is ready. */
  readonly defaultPath: string;
  /** A fixture file with `fixtureRuns` runs, and the first page of its thread. */
  readonly fixtureFile: string;
  readonly fixturePath: string;
}

const SECTION = 'threads at scale';
const POLL_INTERVAL_MS = 2;
const MB = 1_000_000;

/**
 * `--threads N` (a million in full runs) against the default start, spawn to first 200, with its RSS
 * at that moment; and a fixture file of `fixtureRuns` runs, spawn to its first page, then
 * `POST /__mock/reset` of it followed by the first page again. Starts alternate with the default one in
 * each round, so the ratio shares whatever else the machine is doing.
 */
export async function measureThreadsAtScale(
  subjects: ThreadsAtScaleSubjects,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const threads = profile.manyThreads;
  const threadsLabel = `--threads ${threads.toLocaleString('en-US')}`;
  const base = ['serve', '--port', '0', '--quiet'];
  const starts = [
    { label: 'default', args: base, path: subjects.defaultPath },
    { label: threadsLabel, args: [...base, '--threads', String(threads)], path: subjects.defaultPath },
  ];
  log(`${SECTION}: warming up`);
  for (const start of starts) await timeStart(subjects.cli, start.args, start.path);
  const samples = await alternateRounds(starts, profile.startupRepeats, (start, round) => {
    log(`${SECTION}: start ${round + 1}/${profile.startupRepeats}, ${start.label}`);
    return timeStart(subjects.cli, start.args, start.path);
  });
  const [defaultSamples = [], manySamples = []] = samples;

  const runs = profile.fixtureRuns.toLocaleString('en-US');
  const fileMb = statSync(subjects.fixtureFile).size / MB;
  log(`${SECTION}: a ${runs}-run fixture file (${fileMb.toFixed(0)} MB)`);
  const fixtureArgs = [...base, '--fixtures', subjects.fixtureFile];
  const fixtureStarts: number[] = [];
  const resets: number[] = [];
  // CPU time of the server itself: on a shared machine the wall clock also counts other processes' turns.
  const fixtureCpu: number[] = [];
  const resetCpu: number[] = [];
  for (let round = 0; round < Math.min(3, profile.startupRepeats); round++) {
    const server = await startChildServer({
      name: 'mock with a fixture file',
      script: subjects.cli,
      args: fixtureArgs,
      timeoutMs: 120_000,
    });
    try {
      fixtureStarts.push((await firstOk(server, subjects.fixturePath)) - server.spawnedAt);
      const cpuAtStart = cpuMsOf(server.pid);
      const resetAt = performance.now();
      await httpPost(`${server.url}/__mock/reset`);
      resets.push((await firstOk(server, subjects.fixturePath)) - resetAt);
      const cpuAfterReset = cpuMsOf(server.pid);
      if (cpuAtStart !== undefined && cpuAfterReset !== undefined) {
        fixtureCpu.push(cpuAtStart);
        resetCpu.push(cpuAfterReset - cpuAtStart);
      }
    } finally {
      await server.stop();
    }
  }

  return [
    {
      section: SECTION,
      measure: `mock ${threadsLabel}, spawn to first 200`,
      value: median(manySamples.map((sample) => sample.ms)),
      unit: 'ms',
      note: `default start ${median(defaultSamples.map((sample) => sample.ms)).toFixed(0)} ms`,
    },
    ratioRow({
      section: SECTION,
      measure: `mock ${threadsLabel} ÷ mock, default start`,
      numerators: manySamples.map((sample) => sample.ms),
      denominators: defaultSamples.map((sample) => sample.ms),
      target: { comparison: 'at-most', bound: 2 },
    }),
    {
      section: SECTION,
      measure: `mock ${threadsLabel}, RSS at the first 200`,
      value: median(manySamples.map((sample) => sample.rssBytes)) / MB,
      unit: 'MB',
      note: `default start ${(median(defaultSamples.map((sample) => sample.rssBytes)) / MB).toFixed(0)} MB`,
      target: { comparison: 'at-most', bound: 300 },
    },
    {
      section: SECTION,
      measure: `mock --fixtures (${runs} runs, ${fileMb.toFixed(0)} MB), spawn to first page`,
      value: median(fixtureStarts),
      unit: 'ms',
      ...cpuNote(fixtureCpu),
      target: { comparison: 'at-most', bound: 1500 },
    },
    {
      section: SECTION,
      measure: `POST /__mock/reset of that file, to the first page`,
      value: median(resets),
      unit: 'ms',
      ...cpuNote(resetCpu),
      target: { comparison: 'at-most', bound: 1500 },
    },
  ];
}

/** Spawn to first 200 on `path`, and the process's RSS then; the process is stopped afterwards. */
async function timeStart(
  cli: URL,
  args: readonly string[],
  path: string,
): Promise<{ ms: number; rssBytes: number }> {
  const server = await startChildServer({ name: `langgraph-mock ${args.join(' ')}`, script: cli, args });
  try {
    const ms = (await firstOk(server, path)) - server.spawnedAt;
    return { ms, rssBytes: rssOf(server.pid) };
  } finally {
    await server.stop();
  }
}

/** Polls `path` until it answers 200; resolves with `performance.now()` at that answer. */
async function firstOk(server: ChildServer, path: string): Promise<number> {
  for (;;) {
    const answer = await httpGet(`${server.url}${path}`, 60_000).catch(() => undefined);
    if (answer?.status === 200) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** The server's own CPU time (user and system, every thread), as a note; none where it cannot be read. */
function cpuNote(samples: readonly number[]): { note?: string } {
  return samples.length === 0 ? {} : { note: `CPU ${median(samples).toFixed(0)} ms` };
}

/**
 * CPU time another process has used so far, in milliseconds, from `/proc/<pid>/stat` (fields 14 and 15,
 * in clock ticks of 10 ms); undefined where there is no `/proc` (not Linux).
 */
function cpuMsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces; the fields after it are counted from its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

/** Resident set size of another process, from `ps` (the CLI has no IPC channel to ask it over). */
function rssOf(pid: number): number {
  const kilobytes = Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim(),
  );
  return kilobytes * 1024;
}

function httpPost(url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent: false, timeout: 120_000 }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) resolve();
        else reject(new Error(`POST ${url} answered ${String(response.statusCode)}`));
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`POST ${url}: no answer`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}
