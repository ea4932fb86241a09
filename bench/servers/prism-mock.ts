// Prism's mock of spec/openapi.yaml, as `prism mock` runs it (request validation, security check and
// response validation on, `errors` off), but with logging silenced and without Prism's CLI: prism-http's
// `createInstance` answers each request in-process and node:http carries it. `--dynamic` generates every
// body with json-schema-faker (`prism mock -d`); otherwise bodies are Prism's static examples.
//
// This is the one file where Prism's fp-ts values appear: a TaskEither is called, and its Either read by
// its `_tag`, so nothing of fp-ts is imported.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  createInstance,
  getHttpOperationsFromSpec,
  ProblemJsonError,
  type IHttpConfig,
  type IHttpNameValues,
  type IHttpRequest,
  type IHttpResponse,
} from '@stoplight/prism-http';
// prism-http's own logger factory (pino 6), from the prism-core it depends on: level `silent` is what
// "logging off" means to Prism.
import { createLogger } from '@stoplight/prism-core';
import { parseFlags } from '../../src/cli/parse-flags.js';
import { OPENAPI_DOCUMENT_URL } from '../../src/openapi/openapi-document-url.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const dynamic = parseFlags(process.argv.slice(2), { dynamic: { type: 'boolean' } }).values.dynamic === true;
const operations = await getHttpOperationsFromSpec(fileURLToPath(OPENAPI_DOCUMENT_URL));
const logger: unknown = createLogger('prism-bench', { level: 'silent' });
const config: IHttpConfig = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic },
};
const prism = createInstance(config, { logger });

const server = createServer((request, response) => {
  answer(request, response).catch((error: unknown) => {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  process.stdout.write(
    `Prism ${dynamic ? 'dynamic' : 'static'} mock listening on http://127.0.0.1:${address.port}\n`,
  );
});

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const input: IHttpRequest = {
    method: (request.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
    url: { path: url.pathname, query: queryOf(url.searchParams) },
    headers: headersOf(request),
  };
  const result = await prism.request(input, operations)();
  if (result._tag === 'Left') {
    const problem = ProblemJsonError.toProblemJson(result.left);
    response.writeHead(problem.status, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify(problem));
    return;
  }
  send(response, result.right.output);
}

function send(response: ServerResponse, output: IHttpResponse): void {
  response.writeHead(output.statusCode, output.headers);
  response.end(typeof output.body === 'string' ? output.body : JSON.stringify(output.body));
}

function queryOf(params: URLSearchParams): IHttpNameValues {
  const query: IHttpNameValues = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
