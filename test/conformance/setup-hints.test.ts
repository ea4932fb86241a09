import { describe, it, expect } from 'vitest';
import type { ProbeResponse } from '../../src/conformance/http-probe.js';
import { unreachableMessage } from '../../src/conformance/http-probe.js';
import { setupHints } from '../../src/conformance/setup-hints.js';

function answer(status: number): ProbeResponse {
  return {
    url: 'http://x/',
    status,
    headers: new Headers(),
    text: '',
    json: undefined,
    violations: [],
    prismDisagreements: [],
  };
}

describe('setupHints', () => {
  it('suggests --api-key when most answers are 401 or 403', () => {
    const hints = setupHints([answer(403), answer(401), answer(403), answer(200)], false);
    expect(hints).toEqual([
      '3 of 4 answers were 403/401: the server requires authentication; pass its key with --api-key <key> (sent as x-api-key)',
    ]);
  });

  it('asks to check the key when one was sent', () => {
    expect(setupHints([answer(401)], true)[0]).toMatch(/check the key given to --api-key$/);
  });

  it('says nothing when half the answers or fewer are refused', () => {
    expect(setupHints([answer(403), answer(200)], false)).toEqual([]);
    expect(setupHints([], false)).toEqual([]);
  });
});

describe('unreachableMessage', () => {
  it("says that a bad port is Node's own rule and suggests another port", () => {
    expect(unreachableMessage('http://127.0.0.1:6000/threads/x/runs', 'bad port')).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:6000\/threads\/x\/runs: bad port: Node's fetch refuses port 6000 by its own rule .*; serve the server on another port/,
    );
  });

  it('passes any other reason on as it is', () => {
    expect(unreachableMessage('http://127.0.0.1:1/', 'ECONNREFUSED')).toBe(
      'cannot reach http://127.0.0.1:1/: ECONNREFUSED',
    );
  });
});
