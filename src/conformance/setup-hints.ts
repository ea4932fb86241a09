import type { ProbeResponse } from './http-probe.js';

/**
 * Advice for a run whose answers look like a setup problem rather than a server's deviations: when most
 * answers are 401 or 403, the server wants a key the run did not send (or not that key).
 */
export function setupHints(responses: readonly ProbeResponse[], sentApiKey: boolean): string[] {
  const refused = responses.filter((response) => response.status === 401 || response.status === 403);
  if (responses.length === 0 || refused.length * 2 <= responses.length) return [];
  const statuses = [...new Set(refused.map((response) => response.status))].join('/');
  return [
    `${refused.length} of ${responses.length} answers were ${statuses}: the server requires authentication; ${
      sentApiKey
        ? 'check the key given to --api-key'
        : 'pass its key with --api-key <key> (sent as x-api-key)'
    }`,
  ];
}
