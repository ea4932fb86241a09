import { getListRunsContract } from '../openapi/list-runs-contract.js';

/**
 * The two statuses of a run that has not finished. The Agent Server's queue runs one run per thread at a
 * time, oldest first, so a thread has at most one `running` run and its `pending` runs are newer than
 * every finished one. Every other status in the spec's `Run.status` enum is a final one.
 */
export const PENDING_STATUS = requireRunStatus('pending');
/** The status of the one run a thread's worker is executing. */
export const RUNNING_STATUS = requireRunStatus('running');

/** How a live run ends when it works. */
export const SUCCESS_STATUS = requireRunStatus('success');
/** How a live run ends when it fails. */
export const ERROR_STATUS = requireRunStatus('error');

/** True for a status that ends a run (anything but pending and running). */
export function isFinalStatus(status: string): boolean {
  return status !== PENDING_STATUS && status !== RUNNING_STATUS;
}

function requireRunStatus(status: string): string {
  if (!getListRunsContract().runStatuses.includes(status)) {
    throw new Error(`spec: Run.status no longer allows '${status}', which the run lifecycle relies on`);
  }
  return status;
}
