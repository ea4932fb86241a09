import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, type Exchange } from '../../src/contract/check-response.js';
import {
  createPrismOutputValidator,
  type PrismFinding,
  type PrismOutputValidator,
} from '../../src/contract/prism-output-validator.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { OPENAPI_DOCUMENT_URL } from '../../src/openapi/openapi-document-url.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { sharedPrismValidator } from '../helpers/shared-prism-validator.js';

type RunJson = Record<string, unknown>;

const ALL_STATUSES = scenarioThreadId('all-statuses');
const MISSING_THREAD = '00000000-0000-4000-8000-0000000000ff';
const runsOf = (thread: string, query = ''): string => `/threads/${thread}/runs${query}`;

let mock: MockServer;
let prism: PrismOutputValidator;
let fullPage: Exchange;

async function fetchExchange(path: string, method = 'GET'): Promise<Exchange> {
  const response = await fetch(`${mock.url}${path}`, { method });
  return {
    request: { method, url: path },
    status: response.status,
    headers: response.headers,
    body: await response.text(),
  };
}

/** The full page with its first run changed by `edit`, as a server with that bug would send it. */
function withFirstRun(edit: (run: RunJson) => void): Exchange {
  const runs = JSON.parse(fullPage.body) as RunJson[];
  const first = runs[0];
  if (first === undefined) throw new Error('test: the full page is empty');
  edit(first);
  return { ...fullPage, body: JSON.stringify(runs) };
}

function json(status: number, body: string, url = runsOf(ALL_STATUSES)): Exchange {
  return { request: { url }, status, headers: { 'content-type': 'application/json' }, body };
}

beforeAll(async () => {
  prism = await sharedPrismValidator();
  mock = await createMockServer({ seed: 11, threads: 2, host: '127.0.0.1', port: 0 });
  fullPage = await fetchExchange(runsOf(ALL_STATUSES));
});
afterAll(() => mock.close());

describe('createPrismOutputValidator', () => {
  it.each([
    ['a full page', runsOf(ALL_STATUSES), 200],
    ['a 404 for an unknown thread', runsOf(MISSING_THREAD), 404],
    ['a 422 for a bad limit', runsOf(ALL_STATUSES, '?limit=-1'), 422],
  ])('accepts the mock’s %s with no findings', async (_name, path, status) => {
    const exchange = await fetchExchange(path);
    expect(exchange.status).toBe(status);
    expect(checkResponse(exchange)).toEqual([]);
    expect(prism.validate(exchange)).toEqual([]);
  });

  it('reports only missing required properties on a select page, since Prism knows nothing of select', async () => {
    const exchange = await fetchExchange(runsOf(ALL_STATUSES, '?select=run_id&select=status'));
    const runs = JSON.parse(exchange.body) as RunJson[];
    const findings = prism.validate(exchange);
    expect(runs.length).toBeGreaterThan(0);
    expect(findings).toHaveLength(runs.length * 7);
    expect(findings.every((f) => f.code === 'required' && f.path.length === 2)).toBe(true);
    expect(findings.some((f) => /'(run_id|status)'$/.test(f.message))).toBe(false);
  });

  it.each<[string, (run: RunJson) => void, Pick<PrismFinding, 'code' | 'path'>]>([
    ['a wrong type', (run) => (run['metadata'] = []), { code: 'type', path: ['body', '0', 'metadata'] }],
    [
      'a status outside the enum',
      (run) => (run['status'] = 'done'),
      { code: 'enum', path: ['body', '0', 'status'] },
    ],
    ['a missing field', (run) => delete run['kwargs'], { code: 'required', path: ['body', '0'] }],
    [
      'a malformed uuid',
      (run) => (run['run_id'] = 'run-1'),
      { code: 'format', path: ['body', '0', 'run_id'] },
    ],
    [
      'a timestamp without an offset (not RFC 3339)',
      (run) => (run['created_at'] = '2026-06-01T12:00:00'),
      { code: 'format', path: ['body', '0', 'created_at'] },
    ],
  ])('flags a run with %s', (_name, edit, expected) => {
    const findings = prism.validate(withFirstRun(edit));
    expect(findings).toContainEqual(expect.objectContaining({ ...expected, severity: 'error' }));
  });

  it('flags a plain-text error body on both its media type and its type', () => {
    const findings = prism.validate({
      request: { url: runsOf(MISSING_THREAD) },
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Not Found',
    });
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ path: [], severity: 'error' });
    expect(findings[0]?.message).toContain('"text/plain; charset=utf-8" does not match');
    expect(findings[1]).toMatchObject({ code: 'type', path: ['body'], severity: 'error' });
  });

  it('flags a body that is not JSON against the schema’s type', () => {
    expect(prism.validate(json(200, '[{"run_id": '))).toEqual([
      expect.objectContaining({ code: 'type', path: ['body'], message: 'Response body must be array' }),
    ]);
  });

  it('maps Prism’s severities: an undeclared 2xx is an error, an undeclared 500 a warning', () => {
    expect(prism.validate(json(201, '[]'))).toEqual([
      expect.objectContaining({ path: [], severity: 'error' }),
    ]);
    expect(prism.validate(json(500, '{"detail": "boom"}'))).toEqual([
      expect.objectContaining({ path: [], severity: 'warning' }),
    ]);
  });

  it('judges a HEAD response on its status alone, as the Ajv checker does', async () => {
    const head = await fetchExchange(runsOf(ALL_STATUSES), 'HEAD');
    expect(head.body).toBe('');
    expect(prism.validate(head)).toEqual([]);
    expect(prism.validate({ ...head, status: 201 })).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
  });

  it('turns a Content-Type Prism cannot parse into a finding instead of throwing', () => {
    const exchange = { ...fullPage, headers: { 'content-type': 'application/json;' } };
    expect(prism.validate(exchange)).toEqual([
      {
        message: 'Prism cannot validate the response: invalid parameter format',
        path: [],
        severity: 'error',
      },
    ]);
  });

  it('rejects a spec whose body schema Prism cannot compile, where Prism alone would accept every body', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prism-spec-'));
    try {
      const spec = (await readFile(OPENAPI_DOCUMENT_URL, 'utf8')).replace(
        'description: Human-readable error message',
        "description: Human-readable error message\n          pattern: '('",
      );
      const file = join(dir, 'openapi.yaml');
      await writeFile(file, spec);
      await expect(createPrismOutputValidator(pathToFileURL(file))).rejects.toThrow(
        'Prism cannot compile the 404 application/json body schema',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
