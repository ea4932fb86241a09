import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type * as AjvFormatsModule from 'ajv-formats';
import { isUuid } from '../openapi/uuid-format.js';
import { requireInNode } from '../runtime/require-in-node.js';
import { isRfc3339DateTime } from './rfc3339-date-time.js';
import {
  getListRunsContract,
  type ListRunsContract,
  type SchemaObject,
} from '../openapi/list-runs-contract.js';

/** Validators for the List Runs response bodies, compiled once from the spec. */
export interface ResponseValidators {
  /** The validator for a declared status's body, or undefined for an undeclared status. */
  forStatus(status: string): ValidateFunction | undefined;
  /**
   * The validator of a 200 body for a `select` set: an array of objects with exactly the selected
   * properties, each required, no others. Built on first use and cached per distinct set.
   */
  forSelection(fields: readonly string[]): ValidateFunction;
}

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

interface AjvModules {
  readonly Ajv2020: typeof Ajv2020Module.Ajv2020;
  readonly addFormats: typeof AjvFormatsModule.default;
}

// Ajv is loaded on first use, not on import: the package root (serving, the store, fixtures) reaches this
// module through fixture parsing, and a root import must not pay for Ajv (about 40 modules) unless a
// fixture file is actually parsed. Under Node a synchronous `require` (reached through
// `process.getBuiltinModule`, so no `node:` import stops this module from running in a browser) keeps
// `createResponseValidators` synchronous; where there is no `require`, `preloadAjv()` loads it first.
let ajvModules: AjvModules | undefined;

/**
 * Loads Ajv ahead of the first synchronous use of `createResponseValidators`: required in runtimes
 * without `require` (browsers, MSW's service worker); harmless anywhere else.
 */
export async function preloadAjv(): Promise<void> {
  if (ajvModules !== undefined) return;
  const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  ajvModules = { Ajv2020, addFormats: formats.default };
}

function loadAjv(): AjvModules {
  if (ajvModules !== undefined) return ajvModules;
  const requireCommonJs = requireInNode();
  if (requireCommonJs === undefined) {
    throw new Error('Ajv is not loaded yet: await preloadAjv() before validating in this runtime');
  }
  const { Ajv2020 } = requireCommonJs('ajv/dist/2020.js') as typeof Ajv2020Module;
  const formats = requireCommonJs('ajv-formats') as typeof AjvFormatsModule;
  ajvModules = { Ajv2020, addFormats: formats.default };
  return ajvModules;
}

/**
 * Compiles the response schemas of `spec/openapi.yaml` with Ajv's JSON Schema 2020-12 class (the dialect
 * of OpenAPI 3.1), `strict` and `allErrors`, with ajv-formats for `uuid` and `date-time`.
 *
 * @example
 * const validate = createResponseValidators().forStatus('200');
 * validate?.(runs);
 */
export function createResponseValidators(
  contract: ListRunsContract = getListRunsContract(),
): ResponseValidators {
  const { Ajv2020, addFormats } = loadAjv();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // Same verdicts as RFC 3339 asks, in a fraction of ajv-formats' time: every run carries two timestamps.
  ajv.addFormat('date-time', { type: 'string', validate: isRfc3339DateTime });
  // The canonical 8-4-4-4-12 form only: ajv-formats also takes a `urn:uuid:` prefix, which no run id has.
  ajv.addFormat('uuid', { type: 'string', validate: isUuid });
  const inline = (schema: unknown): unknown => inlineComponentRefs(schema, contract.schemas);
  const byStatus = new Map(
    Object.entries(contract.responseSchemas).map(([status, schema]) => [
      status,
      ajv.compile(inline(schema) as SchemaObject),
    ]),
  );
  const runProperties = (contract.schemas['Run']?.['properties'] ?? {}) as Record<string, unknown>;
  const bySelection = new Map<string, ValidateFunction>();
  return {
    forStatus: (status) => byStatus.get(status),
    forSelection(fields) {
      const selected = contract.runFields.filter((field) => fields.includes(field));
      const key = selected.join(',');
      let validate = bySelection.get(key);
      if (validate === undefined) {
        validate = ajv.compile({
          type: 'array',
          items: {
            type: 'object',
            properties: Object.fromEntries(selected.map((field) => [field, inline(runProperties[field])])),
            required: selected,
            additionalProperties: false,
          },
        });
        bySelection.set(key, validate);
      }
      return validate;
    },
  };
}

/** Replaces `$ref: '#/components/schemas/X'` with a copy of X, so each body schema stands alone. */
function inlineComponentRefs(schema: unknown, components: Readonly<Record<string, SchemaObject>>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineComponentRefs(item, components));
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string') {
    const name = COMPONENT_REF.exec(ref)?.[1];
    const target = name === undefined ? undefined : components[name];
    if (target === undefined) throw new Error(`spec: cannot resolve $ref '${ref}'`);
    return inlineComponentRefs(target, components);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, inlineComponentRefs(value, components)]),
  );
}
