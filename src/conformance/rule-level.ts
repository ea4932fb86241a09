/**
 * The basis of a check's rule, from the narrowest to the widest: what `spec/openapi.yaml` says, what the
 * real Agent Server does and clients rely on, and this mock's contract profile's stricter input rules.
 */
export const RULE_LEVELS = ['spec', 'semantics', 'strict'] as const;

/** One rule level; a run at a level runs the checks of that level and of the levels before it. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** The level a run uses when none is given: what a real deployment is expected to pass. */
export const DEFAULT_RULE_LEVEL: RuleLevel = 'semantics';

/** True for a known level name. */
export function isRuleLevel(name: string): name is RuleLevel {
  return (RULE_LEVELS as readonly string[]).includes(name);
}

/** True when a run at `runLevel` includes a check of `checkLevel`. */
export function levelIncludes(runLevel: RuleLevel, checkLevel: RuleLevel): boolean {
  return RULE_LEVELS.indexOf(checkLevel) <= RULE_LEVELS.indexOf(runLevel);
}
