// Bare node:http writing the same bytes the mock writes for the default page (status, headers, body,
// computed once by the mock's own request core), with no routing, parsing or logging: the platform's
// limit for that answer, and the baseline the request core's doors are judged against.
import { createServer } from 'node:http';
import { createRequestCore } from '../../src/core/create-request-core.js';
import type { MockResponse } from '../../src/core/mock-response.js';
import { runsPath, shippedScenarioThreadId } from '../bench-dataset.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const answer = createRequestCore().respond({
  method: 'GET',
  url: runsPath(shippedScenarioThreadId('all-statuses')),
  headers: {},
}) as MockResponse;
if (typeof answer.body !== 'string') throw new Error('the default page is a small page');
const { body } = answer;
const headers = { ...answer.headers, 'Content-Length': String(Buffer.byteLength(body)) };
const server = createServer((_request, response) => {
  response.writeHead(answer.status, headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  process.stdout.write(`bare node:http listening on http://127.0.0.1:${address.port}\n`);
});
