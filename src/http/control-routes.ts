import express, { type Router } from 'express';
import { MockControl } from '../control/mock-control.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import type { RunStore } from '../store/run-store.js';

/** Where the control API lives; List Runs never uses this prefix. */
export const CONTROL_PREFIX = '/__mock';

/** The largest control request body; a hand-written scenario fits many times over. */
const BODY_LIMIT = '1mb';

/**
 * The scenario control API over HTTP: each route parses the JSON body and hands it to `MockControl`,
 * whose typed errors the one error handler turns into 4xx `{"detail"}`.
 */
export function createControlRouter(store: RunStore, lifecycle: LiveLifecycle | undefined): Router {
  const control = new MockControl(store, lifecycle);
  const router = express.Router();
  router.use(express.json({ limit: BODY_LIMIT, strict: false }));

  router.get('/threads', (_request, response) => {
    response.json(control.listThreads());
  });
  router.post('/threads', (request, response) => {
    response.status(201).json(control.createThread(request.body));
  });
  router.get('/threads/:threadId', (request, response) => {
    response.json(control.thread(request.params.threadId));
  });
  router.delete('/threads/:threadId', (request, response) => {
    control.deleteThread(request.params.threadId);
    response.status(204).end();
  });
  router.post('/threads/:threadId/runs', async (request, response) => {
    response.status(201).json(await control.appendRuns(request.params.threadId, request.body));
  });
  router.get('/threads/:threadId/runs/:runId', (request, response) => {
    response.json(control.run(request.params.threadId, request.params.runId));
  });
  router.patch('/threads/:threadId/runs/:runId', (request, response) => {
    response.json(control.setRunStatus(request.params.threadId, request.params.runId, request.body));
  });
  router.delete('/threads/:threadId/runs/:runId', (request, response) => {
    control.deleteRun(request.params.threadId, request.params.runId);
    response.status(204).end();
  });
  router.post('/reset', (_request, response) => {
    response.json(control.reset());
  });
  return router;
}
