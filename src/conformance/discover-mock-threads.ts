import { readFileSync } from 'node:fs';
import { packageFileUrl } from '../files/package-file-url.js';

/** Thread ids the suite can run against without being told. */
export interface DiscoveredThreads {
  readonly threadId: string;
  readonly emptyThreadId: string | undefined;
}

const DATASET_URL = packageFileUrl('fixtures/dataset.json');

/**
 * The ids of langgraph-mock's published scenario threads (`all-statuses`, `empty`), read from the dataset
 * file that documents them. This reads data, not the mock's code: the suite still talks to any server
 * over HTTP only, and a server without these threads simply needs `--thread-id`.
 */
export function mockScenarioThreads(): DiscoveredThreads | undefined {
  const dataset = JSON.parse(readFileSync(DATASET_URL, 'utf8')) as {
    scenarios?: { name?: unknown; threadId?: unknown }[];
  };
  const idOf = (name: string): string | undefined => {
    const id = dataset.scenarios?.find((scenario) => scenario.name === name)?.threadId;
    return typeof id === 'string' ? id : undefined;
  };
  const threadId = idOf('all-statuses');
  return threadId === undefined ? undefined : { threadId, emptyThreadId: idOf('empty') };
}
