import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { DatasetDefinitionError, parseDatasetDefinition } from '../../src/store/dataset-definition.js';
import { DEFAULT_DATASET_URL } from '../../src/fixtures/load-dataset-definition.js';

describe('the timeline window of a seeded dataset', () => {
  it.each([
    { name: 'year 0000', anchor: new Date('0000-01-01T00:00:00Z') },
    { name: 'year 9999', anchor: new Date('9999-12-31T00:00:00Z') },
    { name: 'an invalid date', anchor: new Date('nope') },
  ])('refuses an anchor in $name with an error naming the window', ({ anchor }) => {
    expect(() => createSeededStore({ threads: 0, anchor })).toThrow(DatasetDefinitionError);
    expect(() => createSeededStore({ threads: 0, anchor })).toThrow(
      /out of range: it must fall between 1700-01-01 and 2250-01-01/,
    );
  });

  it('refuses an anchor so early that a scenario thread would start before the window', () => {
    expect(() => createSeededStore({ threads: 0, anchor: new Date('1700-01-02T00:00:00Z') })).toThrow(
      /scenario '.+' would start before 1700-01-01/,
    );
  });

  it.each([
    { anchor: '0000-01-01T00:00:00Z', problem: 'anchor must be in a year from 0001 to 9999' },
    { anchor: '2016-12-31T23:59:60Z', problem: 'anchor is a leap second' },
    { anchor: '1500-01-01T00:00:00Z', problem: 'anchor 1500-01-01T00:00:00.000Z is out of range' },
  ])('refuses a dataset file whose anchor is $anchor', ({ anchor, problem }) => {
    const json = JSON.parse(readFileSync(DEFAULT_DATASET_URL, 'utf8')) as Record<string, unknown>;
    expect(() => {
      const dataset = parseDatasetDefinition({ ...json, anchor }, 'mine.json');
      createSeededStore({ threads: 0, dataset });
    }).toThrow(problem);
  });

  it('accepts anchors across the window, "now" included', () => {
    for (const anchor of [
      new Date('1800-06-01T00:00:00Z'),
      new Date('2200-01-01T00:00:00Z'),
      'now' as const,
    ]) {
      expect(createSeededStore({ threads: 3, anchor }).threads().length).toBeGreaterThan(3);
    }
  });
});
