import { createResponseChecker, type Exchange } from '../src/contract/check-response.js';
import { createPrismOutputValidator } from '../src/contract/prism-output-validator.js';
import { mockScenarioThreads } from '../src/conformance/discover-mock-threads.js';
import { runConformance } from '../src/conformance/run-conformance.js';
import { alternateRounds } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import type { ChildServer } from './child-server.js';
import { expectOk } from './http-get.js';
import { ratioRow } from './ratio-row.js';
import { median } from './sample-statistics.js';

const SECTION = 'contract kit';
// Checks between two looks at the clock: enough that reading it costs nothing next to them.
const CHECKS_PER_BATCH = 20;

/**
 * The contract kit's two costs: how many times per second the Ajv checker and Prism's output validator
 * can judge the same real 10-run page (in this process, validators compiled beforehand, both parsing the
 * body from text as they do on every response), and the wall time of the whole conformance suite against
 * the mock, Prism cross-check included, as `langgraph-mock check` runs it.
 */
export async function measureContractKit(
  mock: ChildServer,
  path: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const url = `${mock.url}${path}`;
  const page = await expectOk(url);
  const exchange: Exchange = {
    request: { url },
    status: page.status,
    headers: page.headers,
    body: page.body,
  };
  const ajv = createResponseChecker();
  const prism = await createPrismOutputValidator();
  // A validator that rejects the page would be measured on its error path; both must accept it.
  const ajvViolations = ajv(exchange);
  const prismFindings = prism.validate(exchange);
  if (ajvViolations.length > 0 || prismFindings.length > 0) {
    throw new Error(
      `the default page does not pass both validators: ${JSON.stringify({ ajvViolations, prismFindings })}`,
    );
  }
  const validators = [
    { label: 'Ajv checker (createResponseChecker)', check: () => ajv(exchange) },
    { label: "Prism's output validator", check: () => prism.validate(exchange) },
  ];
  for (const validator of validators) checksPerSecond(validator.check, Math.min(300, profile.checkLoopMs));
  const samples = await alternateRounds(validators, profile.rounds, (validator, round) => {
    log(`${SECTION}: round ${round + 1}/${profile.rounds}, ${validator.label}`);
    return Promise.resolve(checksPerSecond(validator.check, profile.checkLoopMs));
  });
  const [ajvRates = [], prismRates = []] = samples;

  const threads = mockScenarioThreads();
  if (threads === undefined) throw new Error('fixtures/dataset.json has no all-statuses scenario');
  const wallTimes: number[] = [];
  let checks = 0;
  let failed = 0;
  for (let run = 1; run <= profile.conformanceRepeats; run++) {
    log(`${SECTION}: conformance suite ${run}/${profile.conformanceRepeats}`);
    const started = performance.now();
    const report = await runConformance({ baseUrl: mock.url, ...threads });
    wallTimes.push((performance.now() - started) / 1000);
    checks = report.results.length;
    failed = Math.max(failed, report.failed);
  }

  return [
    {
      section: SECTION,
      measure: `${validators[0]?.label ?? ''}, one 10-run page`,
      value: median(ajvRates),
      unit: 'checks/s',
    },
    {
      section: SECTION,
      measure: `${validators[1]?.label ?? ''}, same page`,
      value: median(prismRates),
      unit: 'checks/s',
    },
    ratioRow({
      section: SECTION,
      measure: 'Ajv ÷ Prism validator',
      numerators: ajvRates,
      denominators: prismRates,
      target: { comparison: 'at-least', bound: 2 },
    }),
    {
      section: SECTION,
      measure: 'conformance suite against the mock, wall time',
      value: median(wallTimes),
      unit: 's',
      note: `${checks} checks, ${failed} failed${wallTimes.length > 1 ? `, first run ${(wallTimes[0] ?? 0).toFixed(2)} s` : ''}`,
      target: { comparison: 'at-most', bound: 2 },
    },
  ];
}

/** Runs `check` for about `durationMs` and returns how many it did per second. */
function checksPerSecond(check: () => unknown, durationMs: number): number {
  const started = performance.now();
  let done = 0;
  let now = started;
  while (now - started < durationMs) {
    for (let i = 0; i < CHECKS_PER_BATCH; i++) check();
    done += CHECKS_PER_BATCH;
    now = performance.now();
  }
  return (done * 1000) / (now - started);
}
