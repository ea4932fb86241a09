import type { PrismOutputValidator } from './prism-output-validator.js';

/** The optional peer dependency behind the Prism cross-check. */
export const PRISM_PACKAGE = '@stoplight/prism-http';

/**
 * How to add the cross-check to a project. prism-core is pinned too: prism-http 5.12.0 asks for `^5.8.0`,
 * which npm would otherwise resolve to 5.16.0 (Node >= 24.18, a telemetry postinstall); see
 * docs/decisions/006-prism-optional-peer.md.
 */
export const PRISM_INSTALL_HINT = `npm install --save-dev ${PRISM_PACKAGE}@5.12.0 @stoplight/prism-core@5.8.0`;

/** Imports the Prism adapter module; injectable so tests can stand in for a project without Prism. */
export type ImportPrismAdapter = () => Promise<typeof import('./prism-output-validator.js')>;

const importPrismAdapter: ImportPrismAdapter = () => import('./prism-output-validator.js');

/** Prism was asked for (`--prism required`, `prism: true`) and is not installed. */
export class PrismMissingError extends Error {
  override readonly name = 'PrismMissingError';

  constructor() {
    super(
      `the Prism cross-check needs ${PRISM_PACKAGE}, which is not installed; add it with: ${PRISM_INSTALL_HINT}`,
    );
  }
}

/**
 * Loads Prism's output validator when `@stoplight/prism-http` is installed, or returns `undefined` when it
 * is not: Prism is an optional peer dependency, so the package root and the Ajv checker never load it.
 * Any other failure (a broken install, a spec Prism cannot read) is thrown, not taken for "missing".
 *
 * @example
 * const prism = await loadPrismOutputValidator();
 * if (prism === undefined) console.log('Prism cross-check skipped');
 */
export async function loadPrismOutputValidator(
  importAdapter: ImportPrismAdapter = importPrismAdapter,
): Promise<PrismOutputValidator | undefined> {
  let adapter: Awaited<ReturnType<ImportPrismAdapter>>;
  try {
    adapter = await importAdapter();
  } catch (error) {
    if (isPrismMissing(error)) return undefined;
    throw error;
  }
  return adapter.createPrismOutputValidator();
}

/**
 * Like `loadPrismOutputValidator`, but throws `PrismMissingError` when Prism is not installed.
 *
 * @example
 * const prism = await requirePrismOutputValidator();
 */
export async function requirePrismOutputValidator(
  importAdapter: ImportPrismAdapter = importPrismAdapter,
): Promise<PrismOutputValidator> {
  const prism = await loadPrismOutputValidator(importAdapter);
  if (prism === undefined) throw new PrismMissingError();
  return prism;
}

/**
 * The validator a `prism` option asks for: loaded and required (`true`), none (`false`), or the one given.
 *
 * @example
 * const prism = await resolvePrismOption(options.prism ?? true);
 */
export async function resolvePrismOption(
  option: boolean | PrismOutputValidator,
): Promise<PrismOutputValidator | undefined> {
  if (option === true) return requirePrismOutputValidator();
  return option === false ? undefined : option;
}

/** Node's "cannot find package" for Prism itself, as opposed to an error inside an installed Prism. */
function isPrismMissing(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${PRISM_PACKAGE}'`)
  );
}
