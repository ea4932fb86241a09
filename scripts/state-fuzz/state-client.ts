import type { Agent } from 'node:http';
import { sendRawRequest, type RawAnswer } from '../send-raw-request.js';

/** The system under test: a mock's base URL, a keep-alive pool, and the answers counted by status. */
export interface StateReal {
  readonly baseUrl: string;
  readonly agent: Agent;
  /** Answers by status (`reset` counts a connection the server closed on an oversized body). */
  readonly byStatus: Record<string, number>;
  /** Commands run, by name. */
  readonly byCommand: Record<string, number>;
}

/** Counts a command as run (by its class name, without `Command`). */
export function countCommand(real: StateReal, command: object): void {
  const name = command.constructor.name.replace(/Command$/, '');
  real.byCommand[name] = (real.byCommand[name] ?? 0) + 1;
}

/** A divergence between the mock and the model: the step's check failed. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';
}

/** An answer with its body parsed (undefined when it is not JSON). */
export interface StateAnswer extends RawAnswer {
  readonly json: unknown;
}

/**
 * Sends one request and counts its status. A 5xx, a body that is not JSON (but for 204) or a 4xx that is
 * not `{"detail": "<text>"}` is a divergence whatever the model expects.
 */
export async function send(
  real: StateReal,
  method: string,
  path: string,
  body?: string,
): Promise<StateAnswer> {
  const answer = await sendRawRequest(
    { baseUrl: real.baseUrl, agent: real.agent, timeoutMs: 30_000 },
    {
      method,
      path,
      ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    },
  );
  real.byStatus[answer.status] = (real.byStatus[answer.status] ?? 0) + 1;
  const where = `${method} ${path.length > 120 ? `${path.slice(0, 120)}…` : path}`;
  if (answer.status >= 500)
    throw new DivergenceError(`${where} answered ${answer.status}: ${excerpt(answer.body)}`);
  if (answer.status === 204) return { ...answer, json: undefined };
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw new DivergenceError(
      `${where} answered ${answer.status} with a body that is not JSON: ${excerpt(answer.body)}`,
    );
  }
  if (answer.status >= 400) {
    const detail = (json as { detail?: unknown } | null)?.detail;
    if (typeof detail !== 'string' || detail === '' || Object.keys(json as object).length !== 1) {
      throw new DivergenceError(
        `${where} answered ${answer.status} without a {"detail"} body: ${excerpt(answer.body)}`,
      );
    }
  }
  return { ...answer, json };
}

/** Throws a divergence unless `answer.status` is one of `expected`. */
export function expectStatus(answer: StateAnswer, expected: Iterable<number>, context: string): void {
  const allowed = [...expected];
  if (!allowed.includes(answer.status)) {
    throw new DivergenceError(
      `${context}: expected ${allowed.join(' or ')}, got ${answer.status}: ${excerpt(answer.body)}`,
    );
  }
}

/** Throws a divergence unless the two values serialise to the same JSON (key order included). */
export function expectSameJson(actual: unknown, expected: unknown, context: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e)
    throw new DivergenceError(
      `${context}:\n  expected ${excerpt(e, 600)}\n  got      ${excerpt(a, 600)}${firstDifference(a, e)}`,
    );
}

function firstDifference(a: string, e: string): string {
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  return `\n  first difference at character ${i}: expected …${e.slice(Math.max(0, i - 40), i + 80)}… got …${a.slice(Math.max(0, i - 40), i + 80)}…`;
}

/** A body cut to a readable length. */
export function excerpt(text: string, length = 200): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;
}
