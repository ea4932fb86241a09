import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { load } from 'js-yaml';
import { OPENAPI_DOCUMENT_URL } from '../../src/openapi/openapi-document-url.js';
import {
  LIST_RUNS_PATH,
  getListRunsContract,
  readListRunsContract,
} from '../../src/openapi/list-runs-contract.js';

type Json = Record<string, unknown>;

/** A fresh parse of the spec, so each test may modify its own copy. */
function readSpec(): unknown {
  return load(readFileSync(OPENAPI_DOCUMENT_URL, 'utf8'));
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new Error(`test: spec has no ${path.join('.')}`);
    }
    node = (node as Json)[key];
  }
  return node;
}

function objectAt(root: unknown, path: readonly string[]): Json {
  const value = valueAt(root, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`test: ${path.join('.')} is not an object`);
  }
  return value as Json;
}

function listAt(root: unknown, path: readonly string[]): unknown[] {
  const value = valueAt(root, path);
  if (!Array.isArray(value)) throw new Error(`test: ${path.join('.')} is not an array`);
  return value;
}

function operation(spec: unknown): Json {
  return objectAt(spec, ['paths', LIST_RUNS_PATH, 'get']);
}

function parameterSchema(spec: unknown, name: string): Json {
  const found = listAt(operation(spec), ['parameters']).find((p) => objectAt(p, [])['name'] === name);
  return objectAt(found, ['schema']);
}

function removeParameter(spec: unknown, name: string): void {
  const op = operation(spec);
  op['parameters'] = listAt(op, ['parameters']).filter((p) => objectAt(p, [])['name'] !== name);
}

describe('getListRunsContract', () => {
  const spec = readSpec();
  const contract = getListRunsContract();

  it('reads the Run fields in the order the schema declares them', () => {
    expect(contract.runFields).toEqual(
      Object.keys(objectAt(spec, ['components', 'schemas', 'Run', 'properties'])),
    );
    expect(contract.runFields).toEqual(listAt(spec, ['components', 'schemas', 'Run', 'required']));
    expect(contract.runFields[0]).toBe('run_id');
    expect(contract.runFields.at(-1)).toBe('multitask_strategy');
    expect(contract.runFields).toHaveLength(9);
  });

  it('reads the six Run.status values, running included', () => {
    expect(contract.runStatuses).toEqual(
      listAt(spec, ['components', 'schemas', 'Run', 'properties', 'status', 'enum']),
    );
    expect(contract.runStatuses).toHaveLength(6);
    expect(contract.runStatuses).toContain('running');
  });

  it('reads the five statuses the status query parameter accepts, without running', () => {
    expect(contract.statusFilterValues).toEqual(listAt(parameterSchema(spec, 'status'), ['enum']));
    expect(contract.statusFilterValues).toHaveLength(5);
    expect(contract.statusFilterValues).not.toContain('running');
    expect(contract.runStatuses.filter((status) => !contract.statusFilterValues.includes(status))).toEqual([
      'running',
    ]);
  });

  it('reads the select items, which equal the Run properties', () => {
    expect(contract.selectableFields).toEqual(listAt(parameterSchema(spec, 'select'), ['items', 'enum']));
    expect(contract.selectableFields).toEqual(contract.runFields);
  });

  it('reads the multitask strategies', () => {
    expect(contract.multitaskStrategies).toEqual(
      listAt(spec, ['components', 'schemas', 'Run', 'properties', 'multitask_strategy', 'enum']),
    );
    expect([...contract.multitaskStrategies].sort()).toEqual(['enqueue', 'interrupt', 'reject', 'rollback']);
  });

  it('reads the default limit 10 and offset 0', () => {
    expect(contract.defaultLimit).toBe(parameterSchema(spec, 'limit')['default']);
    expect(contract.defaultOffset).toBe(parameterSchema(spec, 'offset')['default']);
    expect(contract.defaultLimit).toBe(10);
    expect(contract.defaultOffset).toBe(0);
  });

  it('reads the declared response statuses 200, 404 and 422', () => {
    expect(contract.declaredStatuses).toEqual(Object.keys(objectAt(operation(spec), ['responses'])));
    expect(contract.declaredStatuses).toEqual(['200', '404', '422']);
  });

  it('exposes the component schemas for validators', () => {
    expect(contract.schemas).toEqual(objectAt(spec, ['components', 'schemas']));
    expect(Object.keys(contract.schemas)).toEqual(expect.arrayContaining(['Run', 'ErrorResponse']));
  });

  it('returns the same contract on every call', () => {
    expect(getListRunsContract()).toBe(contract);
  });
});

describe('readListRunsContract', () => {
  it('reads a contract equal to the one from the shipped spec', () => {
    expect(readListRunsContract(readSpec())).toEqual(getListRunsContract());
  });

  it.each([
    {
      name: 'the status parameter',
      mutate: (spec: unknown) => {
        removeParameter(spec, 'status');
      },
      mentions: "parameter 'status'",
    },
    {
      name: 'the select parameter',
      mutate: (spec: unknown) => {
        removeParameter(spec, 'select');
      },
      mentions: "parameter 'select'",
    },
    {
      name: 'components.schemas.Run',
      mutate: (spec: unknown) => {
        delete objectAt(spec, ['components', 'schemas'])['Run'];
      },
      mentions: 'Run',
    },
    {
      name: 'components.schemas',
      mutate: (spec: unknown) => {
        delete objectAt(spec, ['components'])['schemas'];
      },
      mentions: 'components.schemas',
    },
    {
      name: 'the List Runs operation',
      mutate: (spec: unknown) => {
        objectAt(spec, [])['paths'] = {};
      },
      mentions: LIST_RUNS_PATH,
    },
    {
      name: 'the Run.status enum',
      mutate: (spec: unknown) => {
        delete objectAt(spec, ['components', 'schemas', 'Run', 'properties', 'status'])['enum'];
      },
      mentions: 'status.enum',
    },
    {
      name: 'the default limit',
      mutate: (spec: unknown) => {
        delete parameterSchema(spec, 'limit')['default'];
      },
      mentions: 'default',
    },
    {
      name: 'the responses',
      mutate: (spec: unknown) => {
        delete operation(spec)['responses'];
      },
      mentions: 'responses',
    },
  ])('throws an error naming $name when the spec lacks it', ({ mutate, mentions }) => {
    const spec = readSpec();
    mutate(spec);
    expect(() => readListRunsContract(spec)).toThrow(mentions);
  });

  it('throws when an enum holds something other than strings', () => {
    const spec = readSpec();
    listAt(parameterSchema(spec, 'status'), ['enum']).push(7);
    expect(() => readListRunsContract(spec)).toThrow('not a list of strings');
  });

  it('throws when a default is not an integer', () => {
    const spec = readSpec();
    parameterSchema(spec, 'offset')['default'] = '0';
    expect(() => readListRunsContract(spec)).toThrow('not an integer');
  });

  it('throws on a document that is not an object', () => {
    expect(() => readListRunsContract(null)).toThrow('components.schemas');
  });
});
