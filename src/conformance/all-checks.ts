import type { ListRunsContract } from '../openapi/list-runs-contract.js';
import type { ConformanceCheck } from './conformance-check.js';
import { emptyThreadCheck } from './checks/empty-thread-check.js';
import { errorChecks } from './checks/error-checks.js';
import { statusFilterCheck } from './checks/filter-checks.js';
import { orderCheck, stabilityCheck, threadScopingCheck } from './checks/ordering-checks.js';
import {
  defaultPageSizeCheck,
  limitCheck,
  offsetPastEndCheck,
  pagingConsistencyCheck,
} from './checks/paging-checks.js';
import { robustnessCheck } from './checks/robustness-check.js';
import {
  prismAgreementCheck,
  schemaErrorsCheck,
  schemaRunsCheck,
  schemaSelectCheck,
} from './checks/schema-checks.js';
import { selectCheck } from './checks/select-checks.js';
import { modelCombinationsCheck } from './checks/model-combinations-check.js';
import { levelIncludes, type RuleLevel } from './rule-level.js';

/**
 * Every conformance check up to `level` (default: all levels), in report order. One status-filter check
 * per value of the spec's `status` query enum; the empty-thread check only when an empty thread is known;
 * the Prism agreement check only when Prism judges the responses.
 */
export function allChecks(
  contract: ListRunsContract,
  options: { hasEmptyThread: boolean; withPrism: boolean; level?: RuleLevel | undefined },
): ConformanceCheck[] {
  const checks: ConformanceCheck[] = [
    schemaRunsCheck,
    schemaSelectCheck,
    schemaErrorsCheck,
    defaultPageSizeCheck,
    limitCheck,
    pagingConsistencyCheck,
    offsetPastEndCheck,
    orderCheck,
    threadScopingCheck,
    ...contract.statusFilterValues.map(statusFilterCheck),
    selectCheck,
    modelCombinationsCheck,
    ...errorChecks,
    stabilityCheck,
    robustnessCheck,
    ...(options.hasEmptyThread ? [emptyThreadCheck] : []),
    // Last: it judges every response the checks before it received.
    ...(options.withPrism ? [prismAgreementCheck] : []),
  ];
  const { level } = options;
  return level === undefined ? checks : checks.filter((check) => levelIncludes(level, check.level));
}
