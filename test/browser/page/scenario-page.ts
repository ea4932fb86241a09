// The script of the test page: it puts a probe on `globalThis` for the test to drive, and lists every
// request it makes with its answer, so a screenshot shows how far a scenario got.
import { createProbe, type Answer, type Probe, type ProbeConfig } from './probe.js';

/** What the test page offers the test, on `globalThis.scenarioPage`. */
export interface ScenarioPage extends Probe {
  /** Points the probe at a base URL (with a key, or none); until then every call fails. */
  configure(config: ProbeConfig): void;
}

/** The part of the DOM the page uses; the project's type-check has no DOM library. */
interface PageDocument {
  getElementById(id: string): { append(node: unknown): void } | null;
  createElement(tag: 'li'): { textContent: string };
}

let probe: Probe | undefined;

function current(): Probe {
  if (probe === undefined) throw new Error('The test page is not configured: call configure() first');
  return probe;
}

/** Lists a request on the page with its answer, or with why it got none. */
async function shown(request: string, answer: Promise<Answer>): Promise<Answer> {
  const { document } = globalThis as unknown as { document: PageDocument };
  const item = document.createElement('li');
  // The 414 step's URL is 9 KB: a line that long would make the screenshot unreadably wide.
  const label = request.length > 200 ? `${request.slice(0, 200)}…` : request;
  document.getElementById('requests')?.append(item);
  try {
    const result = await answer;
    item.textContent = `${label} → ${result.status} ${JSON.stringify(result.body).slice(0, 160)}`;
    return result;
  } catch (error) {
    item.textContent = `${label} → failed: ${String(error)}`;
    throw error;
  }
}

const page: ScenarioPage = {
  configure(config) {
    probe = createProbe(config);
  },
  sdkListRuns: (threadId, options, headers) =>
    shown(
      `SDK runs.list ${threadId} ${JSON.stringify({ ...options, ...headers })}`,
      current().sdkListRuns(threadId, options, headers),
    ),
  fetch: (method, path, init) =>
    shown(
      `fetch ${method} ${path}${init?.anonymous === true ? ' (no key)' : ''}`,
      current().fetch(method, path, init),
    ),
};

(globalThis as unknown as { scenarioPage: ScenarioPage }).scenarioPage = page;
