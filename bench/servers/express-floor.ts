// The Express floor: an Express 5 app that answers List Runs with a precomputed array of the same 10 runs
// the mock's default page holds. What is left per request is Express's routing and `res.json`, the least any
// Express server returning that page can do; the mock's throughput is judged against it. ETag and
// x-powered-by are off, as in the mock, so the floor does not pay for work the mock skips.
import express from 'express';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { shippedScenarioThreadId } from '../bench-dataset.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const runs = createSeededStore().listRuns({
  threadId: shippedScenarioThreadId('all-statuses'),
  limit: 10,
  offset: 0,
});
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/threads/:threadId/runs', (_request, response) => {
  response.json(runs);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port');
  process.stdout.write(`Express floor listening on http://127.0.0.1:${address.port}\n`);
});
