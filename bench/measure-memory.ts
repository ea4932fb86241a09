import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startChildServer, type ChildServerOptions } from './child-server.js';
import { runBurst } from './load-burst.js';
import { randomPagePaths, type PagedThread } from './random-page-paths.js';
import { ratio } from './sample-statistics.js';

/** A dataset whose memory is measured: the server that serves it and the threads it has. */
export interface MemorySubject {
  readonly label: string;
  readonly server: ChildServerOptions;
  readonly threads: readonly PagedThread[];
}

/** What the random requests may filter by and select (the spec's enums). */
export interface RandomQueryValues {
  readonly statuses: readonly string[];
  readonly fields: readonly string[];
}

const SECTION = 'memory';
const MB = 1_000_000;

/**
 * RSS of the mock's process right after start and after a stream of random page requests (the same seeded
 * stream for both datasets), and what each run of the large thread costs: the difference between the
 * two datasets' RSS after the requests, over the large thread's size. After the requests, not at start:
 * the store builds a thread's status column on its first request, so at start the large thread costs
 * next to nothing.
 */
export async function measureMemory(
  subjects: { readonly standard: MemorySubject; readonly large: MemorySubject },
  largeRuns: number,
  values: RandomQueryValues,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const requests = profile.randomRequests.toLocaleString('en-US');
  const measure = async (subject: MemorySubject): Promise<{ start: number; after: number }> => {
    log(`${SECTION}: ${subject.label}, ${requests} random page requests`);
    const server = await startChildServer(subject.server);
    try {
      const start = await server.rss();
      const paths = randomPagePaths({ threads: subject.threads, count: profile.randomRequests, ...values });
      const burst = await runBurst({
        url: server.url,
        paths,
        connections: 10,
        amount: profile.randomRequests,
      });
      if (burst.failures > 0)
        throw new Error(`${subject.label}: ${burst.failures} random page requests failed`);
      return { start, after: await server.rss() };
    } finally {
      await server.stop();
    }
  };
  const standard = await measure(subjects.standard);
  const large = await measure(subjects.large);
  return [
    {
      section: SECTION,
      measure: `RSS after start, ${subjects.standard.label}`,
      value: standard.start / MB,
      unit: 'MB',
    },
    {
      section: SECTION,
      measure: `RSS after ${requests} requests, ${subjects.standard.label}`,
      value: standard.after / MB,
      unit: 'MB',
    },
    {
      section: SECTION,
      measure: `RSS after start, ${subjects.large.label}`,
      value: large.start / MB,
      unit: 'MB',
    },
    {
      section: SECTION,
      measure: `RSS after ${requests} requests, ${subjects.large.label}`,
      value: large.after / MB,
      unit: 'MB',
      target: { comparison: 'at-most', bound: 200 },
    },
    {
      section: SECTION,
      measure: `bytes per run of the large thread (RSS difference after the requests)`,
      value: ratio(large.after - standard.after, largeRuns),
      unit: 'B/run',
    },
  ];
}
