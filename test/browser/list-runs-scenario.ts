import type { Answer, Probe } from './page/probe.js';

/** The dataset's `all-statuses` scenario thread: every status, over four pages. */
export const SEEDED_THREAD = '00000000-0000-4000-8000-000000000003';
/** The thread the scenario creates through the control API. */
export const NEW_THREAD = '0b7a9c1e-5d2f-4e6a-8c3b-1f0e2d4c6a8b';
/** A thread no store has. */
export const UNKNOWN_THREAD = '00000000-0000-4000-8000-0000000000ff';
/** The runs the scenario appends to the new thread. */
export const APPENDED_RUNS = [
  { run_id: '1f0c2b3a-0000-4000-8000-00000000000a', created_at: '2026-06-01T12:30:00.000000+00:00' },
  { run_id: '1f0c2b3a-0000-4000-8000-00000000000b', created_at: '2026-06-01T12:31:00.000000+00:00' },
] as const;

/** Every query parameter List Runs takes, as the SDK and as a query string. */
const EVERY_PARAMETER = {
  limit: 3,
  offset: 1,
  status: 'success',
  select: ['run_id', 'status', 'created_at'],
} as const;
const EVERY_PARAMETER_QUERY =
  '?limit=3&offset=1&status=success&select=run_id&select=status&select=created_at';

/**
 * What a frontend does with the mock, step by step, through `probe`: list runs through the SDK and
 * `fetch`, without the key too, build a thread through the control API (append, PATCH, DELETE, reset),
 * then read the `detail` of a 404, a 422, a 414 and a forced 500. Returns each step's answer under the step's name.
 */
export async function runListRunsScenario(probe: Probe): Promise<Record<string, Answer>> {
  const runs = `/threads/${SEEDED_THREAD}/runs`;
  const newThread = `/__mock/threads/${NEW_THREAD}`;
  const [first, second] = APPENDED_RUNS;
  const steps: [string, () => Promise<Answer>][] = [
    ['list runs, SDK', () => probe.sdkListRuns(SEEDED_THREAD)],
    ['list runs, fetch', () => probe.fetch('GET', runs)],
    [
      'list runs with every parameter, SDK',
      () => probe.sdkListRuns(SEEDED_THREAD, { ...EVERY_PARAMETER, select: [...EVERY_PARAMETER.select] }),
    ],
    ['list runs with every parameter, fetch', () => probe.fetch('GET', `${runs}${EVERY_PARAMETER_QUERY}`)],
    ['list runs without a key, fetch', () => probe.fetch('GET', runs, { anonymous: true })],
    ['create a thread', () => probe.fetch('POST', '/__mock/threads', { body: { thread_id: NEW_THREAD } })],
    ['append runs', () => probe.fetch('POST', `${newThread}/runs`, { body: APPENDED_RUNS })],
    [
      'patch a status',
      () => probe.fetch('PATCH', `${newThread}/runs/${first.run_id}`, { body: { status: 'success' } }),
    ],
    ['delete a run', () => probe.fetch('DELETE', `${newThread}/runs/${second.run_id}`)],
    ['list the new thread, SDK', () => probe.sdkListRuns(NEW_THREAD)],
    ['reset', () => probe.fetch('POST', '/__mock/reset')],
    ['list the new thread after the reset, fetch', () => probe.fetch('GET', `/threads/${NEW_THREAD}/runs`)],
    ['an unknown thread, SDK', () => probe.sdkListRuns(UNKNOWN_THREAD)],
    ['an unknown thread, fetch', () => probe.fetch('GET', `/threads/${UNKNOWN_THREAD}/runs`)],
    ['a limit List Runs rejects, fetch', () => probe.fetch('GET', `${runs}?limit=-1`)],
    ['a URL over the length limit, fetch', () => probe.fetch('GET', `${runs}?select=${'x'.repeat(9000)}`)],
    ['a forced 500, SDK', () => probe.sdkListRuns(SEEDED_THREAD, {}, { Prefer: 'code=500' })],
    ['a forced 500, fetch', () => probe.fetch('GET', runs, { headers: { Prefer: 'code=500' } })],
  ];
  const answers: Record<string, Answer> = {};
  // One after another: the control steps build on each other.
  for (const [name, step] of steps) {
    try {
      answers[name] = await step();
    } catch (error) {
      throw new Error(`Scenario step "${name}" got no answer: ${String(error)}`, { cause: error });
    }
  }
  return answers;
}
