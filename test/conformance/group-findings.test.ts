import { describe, it, expect } from 'vitest';
import type { CheckFailure } from '../../src/conformance/check-result.js';
import { groupFindings } from '../../src/conformance/group-findings.js';

function failure(cause: string | undefined, message: string): CheckFailure {
  return cause === undefined ? { message, requests: [] } : { cause, message, requests: [] };
}

describe('groupFindings', () => {
  it('makes one finding per cause with its count and its first examples, the most frequent first', () => {
    const failures = [
      failure('rare', 'rare 1'),
      ...Array.from({ length: 9 }, (_, i) =>
        failure('select returns fields that were not selected', `select ${i}`),
      ),
    ];
    const findings = groupFindings(failures, 3);

    expect(findings.map(({ cause, count }) => ({ cause, count }))).toEqual([
      { cause: 'select returns fields that were not selected', count: 9 },
      { cause: 'rare', count: 1 },
    ]);
    expect(findings[0]?.examples.map((example) => example.message)).toEqual([
      'select 0',
      'select 1',
      'select 2',
    ]);
  });

  it('takes the message as the cause of a failure that names none', () => {
    expect(groupFindings([failure(undefined, 'odd'), failure(undefined, 'odd')], 1)).toEqual([
      { cause: 'odd', count: 2, examples: [failure(undefined, 'odd')] },
    ]);
  });

  it('keeps as many examples as asked, none included', () => {
    const failures = [failure('x', '1'), failure('x', '2')];
    expect(groupFindings(failures, 0)[0]?.examples).toEqual([]);
    expect(groupFindings(failures, 5)[0]?.examples).toHaveLength(2);
  });
});
