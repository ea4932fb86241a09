import {
  loadPrismOutputValidator,
  PRISM_INSTALL_HINT,
  PRISM_PACKAGE,
  type ImportPrismAdapter,
} from '../contract/load-prism-output-validator.js';
import type { PrismOutputValidator } from '../contract/prism-output-validator.js';

/** `check --prism`: cross-check when Prism is installed, insist on it, or leave it out. */
export const PRISM_MODES = ['auto', 'required', 'off'] as const;

/** One `--prism` mode. */
export type PrismMode = (typeof PRISM_MODES)[number];

/** The validator `check` runs with (false: Ajv alone), or the one line to print and exit 2 with. */
export type PrismForCheck =
  { readonly prism: PrismOutputValidator | false; readonly note?: string } | { readonly unusable: string };

/**
 * Decides the Prism side of `check`. Prism is an optional peer dependency: `auto` runs Ajv alone when it
 * is missing and says so in one line, with the command that adds it; `required` makes that exit 2.
 */
export async function prismForCheck(
  mode: PrismMode,
  importAdapter?: ImportPrismAdapter,
): Promise<PrismForCheck> {
  if (mode === 'off') return { prism: false };
  const prism = await loadPrismOutputValidator(importAdapter);
  if (prism !== undefined) return { prism };
  if (mode === 'required') {
    return {
      unusable: `langgraph-mock check: --prism required, but ${PRISM_PACKAGE} is not installed; add it with: ${PRISM_INSTALL_HINT}\n`,
    };
  }
  return {
    prism: false,
    note: `Prism cross-check skipped: ${PRISM_PACKAGE} is not installed (Ajv checks everything else); add it with: ${PRISM_INSTALL_HINT}\n`,
  };
}

/** Narrows a `--prism` value. */
export function isPrismMode(value: string): value is PrismMode {
  return (PRISM_MODES as readonly string[]).includes(value);
}
