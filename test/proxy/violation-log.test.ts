import { describe, expect, it } from 'vitest';
import {
  formatViolation,
  MAX_KEPT_VIOLATIONS,
  ViolationLog,
  type ObservedViolation,
} from '../../src/proxy/violation-log.js';

const violation = (n: number): ObservedViolation => ({
  at: '2026-01-01T00:00:00.000Z',
  method: 'GET',
  url: `/threads/t/runs?offset=${n}`,
  status: 200,
  kind: 'body-schema',
  message: `/0/status must be equal to one of the allowed values: ${n}`,
  path: '/0/status',
});

describe('ViolationLog', () => {
  it('keeps the newest violations and counts all of them', () => {
    const log = new ViolationLog();
    for (let n = 0; n <= MAX_KEPT_VIOLATIONS; n++) log.add(violation(n));
    expect(log.total).toBe(MAX_KEPT_VIOLATIONS + 1);
    expect(log.list()).toHaveLength(MAX_KEPT_VIOLATIONS);
    expect(log.list()[0]?.url).toBe('/threads/t/runs?offset=1');
    expect(JSON.parse(JSON.stringify(log))).toMatchObject({ total: MAX_KEPT_VIOLATIONS + 1 });
  });

  it('formats one violation as one line: the request, the status, the rule and the detail', () => {
    expect(formatViolation(violation(3))).toBe(
      'violation: GET /threads/t/runs?offset=3 -> 200: body-schema: /0/status must be equal to one of the allowed values: 3',
    );
  });
});
