import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { DEFAULT_DATASET_URL, readDatasetFile } from '../../src/fixtures/read-dataset-file.js';
import {
  DatasetDefinitionError,
  loadDatasetDefinition,
  parseDatasetDefinition,
  type ScenarioDefinition,
} from '../../src/store/dataset-definition.js';
import { isUuid } from '../../src/openapi/uuid-format.js';

/** The shape of `fixtures/dataset.json`, loose enough to write broken variants of it. */
interface DatasetJson {
  anchor: string;
  graphs: string[];
  multitaskStrategyWeights: Record<string, number>;
  scenarios: {
    name: string;
    threadId: string;
    description: string;
    statusCounts: Record<string, number>;
    spacingSeconds: number;
    lastRunAgeSeconds: number;
  }[];
  randomThreads: {
    runs: { min: number; max: number };
    busyShare: number;
    maxPending: number;
    finishedStatusWeights: Record<string, number>;
    spacingSeconds: { min: number; max: number };
    lastRunAgeSeconds: { min: number; max: number };
  };
}

const SHIPPED = JSON.parse(readFileSync(DEFAULT_DATASET_URL, 'utf8')) as DatasetJson;
const contract = getListRunsContract();

function runCount(scenario: ScenarioDefinition): number {
  return Object.values(scenario.statusCounts).reduce((sum, count) => sum + count, 0);
}

function scenarioAt(json: DatasetJson, index: number): DatasetJson['scenarios'][number] {
  const scenario = json.scenarios[index];
  if (scenario === undefined) throw new Error(`test: the shipped dataset has no scenarios[${index}]`);
  return scenario;
}

describe('loadDatasetDefinition', () => {
  const dataset = loadDatasetDefinition();
  const scenario = (name: string): ScenarioDefinition => {
    const found = dataset.scenarios.find((s) => s.name === name);
    if (found === undefined) throw new Error(`the shipped dataset has no '${name}' scenario`);
    return found;
  };

  it('loads the shipped dataset with its anchor and graphs', () => {
    expect(dataset.anchorMicros).toBe(Date.parse(SHIPPED.anchor) * 1000);
    expect(dataset.graphs).toEqual(SHIPPED.graphs);
    expect(dataset.graphs).toContain('agent');
    expect(dataset.scenarios.map((s) => s.name)).toEqual(SHIPPED.scenarios.map((s) => s.name));
  });

  it('has an empty thread', () => {
    expect(runCount(scenario('empty'))).toBe(0);
  });

  it('has a thread with exactly one run', () => {
    expect(runCount(scenario('single-run'))).toBe(1);
  });

  it('has a thread with every Run status, at least three of each filterable one, over several pages', () => {
    const { statusCounts } = scenario('all-statuses');
    for (const status of contract.runStatuses) {
      expect(statusCounts[status] ?? 0, status).toBeGreaterThan(0);
    }
    for (const status of contract.statusFilterValues) {
      expect(statusCounts[status] ?? 0, status).toBeGreaterThanOrEqual(3);
    }
    expect(runCount(scenario('all-statuses'))).toBeGreaterThan(contract.defaultLimit);
  });

  it('has a busy thread with exactly one running run and a pending queue', () => {
    const { statusCounts } = scenario('busy');
    expect(statusCounts['running']).toBe(1);
    expect(statusCounts['pending'] ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('has a long thread of at least 10,000 runs', () => {
    expect(runCount(scenario('long'))).toBeGreaterThanOrEqual(10_000);
  });

  it('gives scenarios unique lower-case UUIDs', () => {
    const ids = dataset.scenarios.map((s) => s.threadId);
    for (const id of ids) {
      expect(isUuid(id), id).toBe(true);
      expect(id).toBe(id.toLowerCase());
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only the multitask strategies of the spec', () => {
    for (const strategy of Object.keys(dataset.multitaskStrategyWeights)) {
      expect(contract.multitaskStrategies).toContain(strategy);
    }
  });

  it('reports a missing file as a DatasetDefinitionError naming it', () => {
    const missing = new URL('file:///nonexistent/dir/missing-dataset.json');
    expect(() => readDatasetFile(missing)).toThrow(DatasetDefinitionError);
    expect(() => readDatasetFile(missing)).toThrow('missing-dataset.json');
  });
});

describe('parseDatasetDefinition', () => {
  it('accepts an unmodified copy of the shipped dataset', () => {
    expect(parseDatasetDefinition(structuredClone(SHIPPED))).toEqual(loadDatasetDefinition());
  });

  it('lower-cases scenario thread ids', () => {
    const json = structuredClone(SHIPPED);
    scenarioAt(json, 0).threadId = 'ABCDEF00-0000-4000-8000-000000000001';
    expect(parseDatasetDefinition(json).scenarios[0]?.threadId).toBe('abcdef00-0000-4000-8000-000000000001');
  });

  it('starts its messages with the source it was given', () => {
    const json = structuredClone(SHIPPED);
    json.anchor = 'soon';
    expect(() => parseDatasetDefinition(json, 'my-dataset.json')).toThrow(/^my-dataset\.json: anchor /);
  });

  it.each([
    {
      name: 'an unknown status key',
      field: 'scenarios[2].statusCounts.done',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 2).statusCounts['done'] = 1;
      },
    },
    {
      name: 'more than one running run',
      field: 'scenarios[3].statusCounts.running',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 3).statusCounts['running'] = 2;
      },
    },
    {
      name: 'a fractional status count',
      field: 'scenarios[1].statusCounts.success',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 1).statusCounts['success'] = 1.5;
      },
    },
    {
      name: 'a negative status count',
      field: 'scenarios[1].statusCounts.success',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 1).statusCounts['success'] = -1;
      },
    },
    {
      name: 'a non-UUID thread id',
      field: 'scenarios[1].threadId',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 1).threadId = 'thread-2';
      },
    },
    {
      name: 'a duplicate scenario name',
      field: 'scenarios[1].name',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 1).name = scenarioAt(json, 0).name;
      },
    },
    {
      name: 'a duplicate thread id',
      field: 'scenarios[4].threadId',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 4).threadId = scenarioAt(json, 0).threadId;
      },
    },
    {
      name: 'a thread id repeated in another case',
      field: 'scenarios[1].threadId',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 0).threadId = 'abcdef00-0000-4000-8000-000000000001';
        scenarioAt(json, 1).threadId = 'ABCDEF00-0000-4000-8000-000000000001';
      },
    },
    {
      name: 'an anchor that is not a date',
      field: 'anchor',
      mutate: (json: DatasetJson) => {
        json.anchor = 'yesterday';
      },
    },
    {
      name: 'a negative spacing',
      field: 'scenarios[0].spacingSeconds',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 0).spacingSeconds = -600;
      },
    },
    {
      name: 'a zero spacing',
      field: 'scenarios[2].spacingSeconds',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 2).spacingSeconds = 0;
      },
    },
    {
      name: 'a negative last-run age',
      field: 'scenarios[3].lastRunAgeSeconds',
      mutate: (json: DatasetJson) => {
        scenarioAt(json, 3).lastRunAgeSeconds = -1;
      },
    },
    {
      name: 'a run range with min above max',
      field: 'randomThreads.runs',
      mutate: (json: DatasetJson) => {
        json.randomThreads.runs = { min: 10, max: 5 };
      },
    },
    {
      name: 'a spacing range with min above max',
      field: 'randomThreads.spacingSeconds',
      mutate: (json: DatasetJson) => {
        json.randomThreads.spacingSeconds = { min: 7200, max: 20 };
      },
    },
    {
      name: 'an unknown multitask strategy',
      field: 'multitaskStrategyWeights.round_robin',
      mutate: (json: DatasetJson) => {
        json.multitaskStrategyWeights['round_robin'] = 1;
      },
    },
    {
      name: 'multitask weights that are all zero',
      field: 'multitaskStrategyWeights',
      mutate: (json: DatasetJson) => {
        json.multitaskStrategyWeights = { enqueue: 0, reject: 0 };
      },
    },
    {
      name: 'running among the finished statuses of random threads',
      field: 'randomThreads.finishedStatusWeights.running',
      mutate: (json: DatasetJson) => {
        json.randomThreads.finishedStatusWeights['running'] = 1;
      },
    },
    {
      name: 'a busy share above 1',
      field: 'randomThreads.busyShare',
      mutate: (json: DatasetJson) => {
        json.randomThreads.busyShare = 1.5;
      },
    },
    {
      name: 'no graphs',
      field: 'graphs',
      mutate: (json: DatasetJson) => {
        json.graphs = [];
      },
    },
  ])('rejects $name, naming $field', ({ field, mutate }) => {
    const json = structuredClone(SHIPPED);
    mutate(json);
    const parse = (): unknown => parseDatasetDefinition(json);
    expect(parse).toThrow(DatasetDefinitionError);
    expect(parse).toThrow(`dataset: ${field} `);
  });

  it.each([
    { name: 'an array', json: [] },
    { name: 'null', json: null },
    { name: 'a string', json: 'dataset' },
  ])('rejects a file that holds $name', ({ json }) => {
    expect(() => parseDatasetDefinition(json)).toThrow(DatasetDefinitionError);
    expect(() => parseDatasetDefinition(json)).toThrow('the file must be an object');
  });
});
