import { alternateRounds } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startChildServer, type ChildServerOptions } from './child-server.js';
import { httpGet } from './http-get.js';
import { ratioRow } from './ratio-row.js';
import { median } from './sample-statistics.js';

/** A server whose start-up is timed, and the request whose first 200 says it is ready. */
export interface StartupSubject {
  readonly label: string;
  readonly server: ChildServerOptions;
  /** Path of the first real request. */
  readonly path: string;
}

/** The three subjects, baseline first. */
export interface StartupSubjects {
  readonly hello: StartupSubject;
  readonly mockDefault: StartupSubject;
  readonly mockLarge: StartupSubject;
}

const SECTION = 'startup';
const POLL_INTERVAL_MS = 2;

/**
 * Time from spawning a server process to the first 200 of a real request, for the bare Express hello world,
 * the mock with its default dataset and the mock with the large thread, started in turn in each round.
 * The clock stops at the first 200, not at "listening": a server that listens early but answers its
 * first request late is not ready. Each subject is started once unmeasured first, so every measured start
 * finds the files in the page cache.
 */
export async function measureStartup(
  subjects: StartupSubjects,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const order = [subjects.hello, subjects.mockDefault, subjects.mockLarge];
  log(`${SECTION}: warming up`);
  for (const subject of order) await timeStartup(subject);
  const samples = await alternateRounds(order, profile.startupRepeats, (subject, round) => {
    log(`${SECTION}: start ${round + 1}/${profile.startupRepeats}, ${subject.label}`);
    return timeStartup(subject);
  });
  const [helloTimes = [], defaultTimes = [], largeTimes = []] = samples;
  const [hello, mockDefault, mockLarge] = [median(helloTimes), median(defaultTimes), median(largeTimes)];
  return [
    { section: SECTION, measure: `${subjects.hello.label}, spawn to first 200`, value: hello, unit: 'ms' },
    {
      section: SECTION,
      measure: `${subjects.mockDefault.label}, spawn to first 200`,
      value: mockDefault,
      unit: 'ms',
    },
    {
      section: SECTION,
      measure: `${subjects.mockLarge.label}, spawn to first 200`,
      value: mockLarge,
      unit: 'ms',
    },
    ratioRow({
      section: SECTION,
      measure: `${subjects.mockDefault.label} ÷ hello world`,
      numerators: defaultTimes,
      denominators: helloTimes,
      target: { comparison: 'at-most', bound: 1.3 },
    }),
    ratioRow({
      section: SECTION,
      measure: `${subjects.mockLarge.label} ÷ hello world`,
      numerators: largeTimes,
      denominators: helloTimes,
      target: { comparison: 'at-most', bound: 1.5 },
    }),
  ];
}

/** Milliseconds from spawn to the first 200 on `subject.path`; the process is stopped afterwards. */
async function timeStartup(subject: StartupSubject): Promise<number> {
  const server = await startChildServer(subject.server);
  try {
    for (;;) {
      const answer = await httpGet(`${server.url}${subject.path}`).catch(() => undefined);
      if (answer?.status === 200) return performance.now() - server.spawnedAt;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  } finally {
    await server.stop();
  }
}
