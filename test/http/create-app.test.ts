import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { RunStore } from '../../src/store/run-store.js';
import { checkedFetch } from '../helpers/checked-fetch.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const THREAD = '00000000-0000-4000-8000-000000000003';
const RUNS = `/threads/${THREAD}/runs`;

let server: TestServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

describe('createApp', () => {
  it('answers unknown routes with 404 {"detail":"Not Found"}', async () => {
    for (const path of [
      '/',
      '/threads',
      `/threads/${THREAD}`,
      `/threads/${THREAD}/runs/extra`,
      '/THREADS/x/runs',
    ]) {
      const response = await server.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toEqual({ detail: 'Not Found' });
    }
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'answers %s on the runs path with 405 and Allow',
    async (method) => {
      const response = await server.request(RUNS, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(response.body).toEqual({ detail: 'Method Not Allowed' });
    },
  );

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await server.request(RUNS);
    const head = await server.request(RUNS, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });

  it('serves JSON with the application/json content type and no X-Powered-By', async () => {
    const response = await server.request(RUNS);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a CORS preflight from another origin with the headers the SDK sends', async () => {
    const response = await server.request(RUNS, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-api-key,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type');
  });

  it('allows cross-origin reads of responses, errors included', async () => {
    const ok = await server.request(RUNS, { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const error = await server.request('/threads/x/runs', { headers: { origin: 'http://localhost:5173' } });
    expect(error.status).toBe(422);
    expect(error.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('answers a plain OPTIONS on the runs path with 204 and Allow', async () => {
    const response = await server.request(RUNS, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('the error handler', () => {
  it('turns an unexpected error into a bare 500 with no stack, and logs it', async () => {
    const logged: string[] = [];
    class FailingStore extends RunStore {
      override listRuns(): never {
        throw new Error('disk on fire at /secret/path.ts');
      }
    }
    const store = new FailingStore([], {
      faker: undefined as never,
      anchorMicros: 0,
      multitaskStrategyWeights: {},
    });
    const failing: MockServer = await createMockServer({
      store,
      logError: (message) => logged.push(message),
    });
    try {
      // A raw fetch: this 500 is the point of the test, and 500 is not a status the contract declares.
      const response = await fetch(`${failing.url}${RUNS}`);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"detail":"Internal Server Error"}');
      expect(logged.join('\n')).toContain('disk on fire');
    } finally {
      await failing.close();
    }
  });

  it('keeps serving after a request failed', async () => {
    const mock = await createMockServer({ store: createSeededStore({ threads: 0 }) });
    try {
      expect((await checkedFetch(`${mock.url}/threads/%ZZ/runs`)).status).toBe(422);
      expect((await checkedFetch(`${mock.url}${RUNS}`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
