import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, it, expect } from 'vitest';
import { load } from 'js-yaml';
import { loadOpenApiDocument } from '../../src/openapi/load-openapi-document.js';
import { OPENAPI_DOCUMENT_URL } from '../../src/openapi/openapi-document-url.js';

const SEED_URL = new URL('../../spec/list-runs.seed.txt', import.meta.url);
const SEED_START = 'OpenAPI#';
// The seed page glues this text to the last description line of the YAML, so the cut is mid-line.
const SEED_END = 'Link last verified';

function readSpecDocument(): Record<string, unknown> {
  const document: unknown = load(readFileSync(OPENAPI_DOCUMENT_URL, 'utf8'));
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new Error('spec/openapi.yaml does not hold a YAML mapping');
  }
  return document as Record<string, unknown>;
}

function meaningfulLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The YAML section of the seed page, between the `OpenAPI#` line and the glued `Link last verified`. */
function seedSection(): string {
  const seed = readFileSync(SEED_URL, 'utf8');
  const lines = seed.split('\n');
  const startLine = lines.findIndex((line) => line.trim() === SEED_START);
  if (startLine === -1) throw new Error(`seed: no '${SEED_START}' line`);
  const rest = lines.slice(startLine + 1).join('\n');
  const end = rest.indexOf(SEED_END);
  if (end === -1) throw new Error(`seed: no '${SEED_END}' after '${SEED_START}'`);
  return rest.slice(0, end);
}

describe('spec/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(readSpecDocument());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is rejected by the same validator once a required piece is removed', async () => {
    // Guards the check above: a validator that accepts anything would make it meaningless.
    const broken = structuredClone(readSpecDocument());
    delete broken['info'];
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it('declares openapi 3.1.0 and the List Runs operation', () => {
    const document = readSpecDocument();
    expect(document['openapi']).toBe('3.1.0');
    expect(document['paths']).toHaveProperty(['/threads/{thread_id}/runs', 'get', 'summary'], 'List Runs');
  });

  it('is what loadOpenApiDocument returns', () => {
    expect(loadOpenApiDocument()).toEqual(readSpecDocument());
  });

  it('has the same non-empty lines, in order, as the YAML section of the seed', () => {
    const seedLines = meaningfulLines(seedSection());
    const specLines = meaningfulLines(readFileSync(OPENAPI_DOCUMENT_URL, 'utf8'));
    expect(seedLines[0]).toBe('openapi: 3.1.0');
    expect(seedLines.at(-1)).toBe('description: Error response returned from the server');
    expect(specLines).toEqual(seedLines);
  });
});
