import { describe, expect, it } from 'vitest';
import {
  loadPrismOutputValidator,
  PrismMissingError,
  PRISM_INSTALL_HINT,
  requirePrismOutputValidator,
  resolvePrismOption,
  type ImportPrismAdapter,
} from '../../src/contract/load-prism-output-validator.js';

/** Node's own error for an import of a package that is not installed, as the adapter would get it. */
function notInstalled(packageName: string): ImportPrismAdapter {
  return () =>
    Promise.reject(
      Object.assign(
        new Error(
          `Cannot find package '${packageName}' imported from /app/dist/contract/prism-output-validator.js`,
        ),
        { code: 'ERR_MODULE_NOT_FOUND' },
      ),
    );
}

const withoutPrism = notInstalled('@stoplight/prism-http');

const notAList = {
  request: { url: '/threads/x/runs' },
  status: 200,
  headers: new Headers({ 'content-type': 'application/json' }),
  body: '{}',
};

describe('loadPrismOutputValidator', () => {
  it("loads Prism's validator when @stoplight/prism-http is installed", async () => {
    const prism = await loadPrismOutputValidator();
    expect(prism).toBeDefined();
    expect(prism?.validate(notAList).map((finding) => finding.code)).toContain('type');
  });

  it('returns undefined when @stoplight/prism-http is not installed', async () => {
    await expect(loadPrismOutputValidator(withoutPrism)).resolves.toBeUndefined();
  });

  it('rethrows when something else inside an installed Prism is missing', async () => {
    await expect(loadPrismOutputValidator(notInstalled('fp-ts'))).rejects.toThrow(
      "Cannot find package 'fp-ts'",
    );
  });

  it('rethrows any other failure of the import', async () => {
    const broken: ImportPrismAdapter = () => Promise.reject(new SyntaxError('Unexpected token'));
    await expect(loadPrismOutputValidator(broken)).rejects.toThrow(SyntaxError);
  });
});

describe('requirePrismOutputValidator', () => {
  it('throws PrismMissingError naming the command that adds Prism', async () => {
    const error: unknown = await requirePrismOutputValidator(withoutPrism).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrismMissingError);
    expect((error as Error).message).toContain(PRISM_INSTALL_HINT);
  });
});

describe('resolvePrismOption', () => {
  it('gives no validator for false and the given one as is', async () => {
    const given = { validate: () => [] };
    await expect(resolvePrismOption(false)).resolves.toBeUndefined();
    await expect(resolvePrismOption(given)).resolves.toBe(given);
  });
});

describe('PRISM_INSTALL_HINT', () => {
  it('names the prism-http version this project pins, with the prism-core that keeps it on Node 20', async () => {
    const { default: manifest } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { devDependencies: Record<string, string>; peerDependencies: Record<string, string> };
    };
    const pinned = manifest.devDependencies['@stoplight/prism-http'];
    // The peer range admits newer 5.x (the adapter's two dist/ paths are the same through 5.16); the pin is the floor.
    expect(manifest.peerDependencies['@stoplight/prism-http']).toBe(`^${pinned ?? ''}`);
    expect(PRISM_INSTALL_HINT).toContain(`@stoplight/prism-http@${pinned ?? ''}`);
    expect(PRISM_INSTALL_HINT).toContain(
      `@stoplight/prism-core@${manifest.devDependencies['@stoplight/prism-core'] ?? ''}`,
    );
  });
});
