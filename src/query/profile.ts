import type { ListRunsQuery } from './list-runs-query.js';
import { parseAgentServerQuery } from './parse-agent-server-query.js';
import { parseListRunsQuery } from './parse-list-runs-query.js';

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
