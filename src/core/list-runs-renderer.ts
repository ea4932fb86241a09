import { parseQueryString } from '../query/parse-query-string.js';
import { queryParserFor, type Profile } from '../query/profile.js';
import { resolveRunWindow } from '../query/resolve-run-window.js';
import { selectFields } from '../query/select-fields.js';
import type { RunField } from '../store/run.js';
import type { RunStore } from '../store/run-store.js';
import { threadIdOf } from './list-runs-path.js';
import { serializeRuns } from './serialize-runs.js';

/**
 * Pages with more runs than this are rendered a slice at a time while they are written, never as one
 * string: a 1,000,000-run page is about 1 GB of JSON, past V8's longest string, and building it would
 * block every other client for seconds.
 */
export const STREAMED_PAGE_RUNS = 1000;

/** How many runs one streamed piece holds (about 100 kB of JSON, 5–20 ms to render: the longest another client waits). */
const RUNS_PER_PIECE = 100;

/**
 * The List Runs answer body for a request path and URL, or a thrown domain error: parse (under the
 * profile's rules), ask the store, project, serialise. Every error is thrown here, before any byte is
 * written; a page of more than `STREAMED_PAGE_RUNS` runs comes back as pieces of its JSON text, each
 * rendered only when the door asks for it, which together are byte for byte the text of a small page.
 */
export function listRunsRenderer(
  store: RunStore,
  profile: Profile,
): (path: string, url: string) => string | Iterable<string> {
  const parse = queryParserFor(profile);
  return (path, url) => {
    const query = parse(threadIdOf(path), searchParamsOf(url));
    const { window, threadId, status, select } = query;
    const page =
      window.kind === 'page' ? window : resolveRunWindow(window, store.countRuns(threadId, status));
    // Counted only when the page may be large: a small page costs O(limit), whatever the thread's size.
    if (page.limit > STREAMED_PAGE_RUNS) {
      const size = Math.min(page.limit, store.countRuns(threadId, status) - page.offset);
      if (size > STREAMED_PAGE_RUNS) {
        return pieces(store, { threadId, status, offset: page.offset, size, select });
      }
    }
    return render(store.listRuns({ threadId, status, ...page }), select);
  };
}

function render(runs: ReturnType<RunStore['listRuns']>, select: readonly RunField[] | undefined): string {
  return select === undefined
    ? serializeRuns(runs, false)
    : serializeRuns(
        runs.map((run) => selectFields(run, select)),
        true,
      );
}

/** A large page's JSON text, a slice of runs at a time: `[`, the runs joined by `,`, `]`. */
function* pieces(
  store: RunStore,
  page: {
    threadId: string;
    status: string | undefined;
    offset: number;
    size: number;
    select: readonly RunField[] | undefined;
  },
): Generator<string, void, undefined> {
  let opened = false;
  for (let done = 0; done < page.size; done += RUNS_PER_PIECE) {
    const runs = store.listRunsUncached({
      threadId: page.threadId,
      status: page.status,
      offset: page.offset + done,
      limit: Math.min(RUNS_PER_PIECE, page.size - done),
    });
    if (runs.length === 0) break; // the thread shrank while the page was written
    const text = render(runs, page.select);
    // Each slice renders as `[…]`: the first keeps its `[`, later ones trade it for a `,`.
    yield `${opened ? ',' : '['}${text.slice(1, -1)}`;
    opened = true;
  }
  yield opened ? ']' : '[]';
}

function searchParamsOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  return parseQueryString(start === -1 ? '' : url.slice(start + 1));
}
