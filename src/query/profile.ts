import type { ListRunsQuery } from './list-runs-query.js';
import { parseAgentServerQuery } from './parse-agent-server-query.js';
import { parseListRunsQuery } from './parse-list-runs-query.js';
import { parsePythonUuid } from './parse-python-uuid.js';

/** How strictly List Runs reads its input. */
export const PROFILES = ['contract', 'agent-server'] as const;

/** One behaviour profile: `contract` follows the spec, `agent-server` the real (Python) server. */
export type Profile = (typeof PROFILES)[number];

/** Parses a List Runs request under one profile. */
export type ListRunsQueryParser = (threadId: string, params: URLSearchParams) => ListRunsQuery;

/** True for a known profile name. */
export function isProfile(name: string): name is Profile {
  return (PROFILES as readonly string[]).includes(name);
}

/** The query parser of a profile. */
export function queryParserFor(profile: Profile): ListRunsQueryParser {
  return profile === 'contract' ? parseListRunsQuery : parseAgentServerQuery;
}

/**
 * The thread id as a 404 detail of the profile quotes it: as sent under the contract, and under
 * agent-server in the canonical form `uuid.UUID` gives it (the text as sent when it is no UUID at all).
 */
export function threadIdForDetail(profile: Profile, threadId: string): string {
  return profile === 'contract' ? threadId : (parsePythonUuid(threadId) ?? threadId);
}
