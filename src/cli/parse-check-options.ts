import { DEFAULT_COMBINATION_QUERIES } from '../conformance/checks/model-combinations-check.js';
import { DEFAULT_MAX_EXAMPLES } from '../conformance/group-findings.js';
import { DEFAULT_RULE_LEVEL, isRuleLevel, RULE_LEVELS, type RuleLevel } from '../conformance/rule-level.js';
import { COMMAND_FLAGS, integerFlag, parseFlags } from './parse-flags.js';
import { isPrismMode, PRISM_MODES, type PrismMode } from './prism-for-check.js';
import { UsageError } from './usage-error.js';

/** The report formats of `check`. */
export const REPORTERS = ['text', 'json', 'junit'] as const;

/** One report format. */
export type Reporter = (typeof REPORTERS)[number];

/** What `langgraph-mock check` was asked to do. */
export interface CheckOptions {
  readonly baseUrl: string;
  readonly threadId: string | undefined;
  readonly emptyThreadId: string | undefined;
  readonly reporter: Reporter;
  readonly output: string | undefined;
  readonly seed: number;
  readonly apiKey: string | undefined;
  readonly level: RuleLevel;
  readonly queries: number;
  readonly maxExamples: number;
  /** A JSON report of an earlier run: only findings it does not hold fail the run. */
  readonly baseline: string | undefined;
  /** `auto` (default): cross-check with Prism when it is installed; `required`; `off`. */
  readonly prism: PrismMode;
}

/** Parses the arguments of `check` (after the command word). */
export function parseCheckOptions(args: readonly string[]): CheckOptions | 'help' | 'version' {
  const { values, positionals } = parseFlags(
    args,
    {
      ...COMMAND_FLAGS,
      'thread-id': { type: 'string' },
      'empty-thread-id': { type: 'string' },
      reporter: { type: 'string' },
      output: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      level: { type: 'string' },
      queries: { type: 'string' },
      'max-examples': { type: 'string' },
      baseline: { type: 'string' },
      prism: { type: 'string' },
    },
    { allowPositionals: true },
  );
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  if (positionals.length !== 1) {
    throw new UsageError(
      `check takes one base URL, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`,
    );
  }
  const [baseUrl = ''] = positionals;
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UsageError(`the base URL must be an http(s) URL, got '${baseUrl}'`);
  }
  const reporter = values.reporter ?? 'text';
  if (!isReporter(reporter))
    throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}, got '${reporter}'`);
  const level = values.level ?? DEFAULT_RULE_LEVEL;
  if (!isRuleLevel(level))
    throw new UsageError(`--level must be one of ${RULE_LEVELS.join(', ')}, got '${level}'`);
  const prism = values.prism ?? 'auto';
  if (!isPrismMode(prism))
    throw new UsageError(`--prism must be one of ${PRISM_MODES.join(', ')}, got '${prism}'`);
  for (const flag of ['thread-id', 'empty-thread-id', 'output', 'api-key', 'baseline'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} must not be empty`);
  }
  return {
    baseUrl,
    threadId: values['thread-id'],
    emptyThreadId: values['empty-thread-id'],
    reporter,
    output: values.output,
    seed: integerFlag('--seed', values.seed, { fallback: 1, max: 2 ** 31 - 1 }),
    apiKey: values['api-key'],
    level,
    queries: integerFlag('--queries', values.queries, {
      fallback: DEFAULT_COMBINATION_QUERIES,
      max: 100_000,
    }),
    maxExamples: integerFlag('--max-examples', values['max-examples'], {
      fallback: DEFAULT_MAX_EXAMPLES,
      max: 1000,
    }),
    baseline: values.baseline,
    prism,
  };
}

function isReporter(value: string): value is Reporter {
  return (REPORTERS as readonly string[]).includes(value);
}
