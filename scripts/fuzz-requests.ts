import fc from 'fast-check';
import { querySuffixArbitrary } from './fuzz-query-string.js';
import { readFuzzVocabulary, type Vocabulary } from './fuzz-vocabulary.js';
import { DOT_SEGMENT_FORMS, ID_FORMS, JUNK_BODIES, JUNK_IDS, junkText, repeated } from './nasty-inputs.js';
import { escapeTarget } from './percent-encode.js';
import type { RawRequest } from './send-raw-request.js';

/** What a fuzz request aims at; counted separately so a report shows every share was exercised. */
export const FUZZ_REQUEST_KINDS = [
  'list-runs',
  'dot-segments',
  'control',
  'other-path',
  'other-method',
  'non-ascii',
] as const;

/** One kind of fuzz request. */
export type FuzzRequestKind = (typeof FUZZ_REQUEST_KINDS)[number];

/** A raw request the fuzzer sends, labelled with what it aims at. */
export interface FuzzRequest extends RawRequest {
  readonly kind: FuzzRequestKind;
}

function threadId(words: Vocabulary): fc.Arbitrary<string> {
  const known = fc.constantFrom(...words.threadIds);
  const long =
    words.longThreadId === undefined ? [] : [{ weight: 1, arbitrary: fc.constant(words.longThreadId) }];
  return fc.oneof(
    { weight: 14, arbitrary: known },
    ...long,
    { weight: 2, arbitrary: known.map((id) => id.toUpperCase()) },
    { weight: 4, arbitrary: fc.uuid() }, // well-formed but unknown: 404
    { weight: 4, arbitrary: fc.tuple(known, fc.constantFrom(...ID_FORMS)).map(([id, form]) => form(id)) },
    { weight: 4, arbitrary: fc.constantFrom(...JUNK_IDS) },
    { weight: 2, arbitrary: junkText(40).filter((text) => text !== '' && !text.includes('/')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('a', '0', '%41', ...words.threadIds), fc.constantFrom(256, 1024, 4096, 8300))
        .map(([unit, length]) => repeated(unit, length)),
    },
  );
}

function listRunsPath(words: Vocabulary): fc.Arbitrary<string> {
  return fc
    .tuple(threadId(words), fc.constantFrom('', '', '', '/'), querySuffixArbitrary(words))
    .map(([id, slash, query]) => `/threads/${id}/runs${slash}${query}`);
}

function dotSegmentPath(words: Vocabulary): fc.Arbitrary<string> {
  return fc
    .tuple(threadId(words), fc.constantFrom(...DOT_SEGMENT_FORMS), querySuffixArbitrary(words))
    .map(([id, form, query]) => `${form(id)}${query}`);
}

function controlPath(words: Vocabulary): fc.Arbitrary<string> {
  const runId = fc.oneof(fc.uuid({ version: 7 }), fc.constantFrom(...JUNK_IDS));
  return fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '/__mock',
          '/__mock/',
          '/__mock/threads',
          '/__mock/threads/',
          '/__mock/reset',
          '/__mock//threads',
          '/__mock/%74hreads',
          '/__mock/threads/..',
          '/__mock/../threads',
        ),
        threadId(words).map((id) => `/__mock/threads/${id}`),
        threadId(words).map((id) => `/__mock/threads/${id}/runs`),
        fc.tuple(threadId(words), runId).map(([id, run]) => `/__mock/threads/${id}/runs/${run}`),
        junkText(20).map((segment) => `/__mock/${segment}`),
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: querySuffixArbitrary(words) },
      ),
    )
    .map(([path, query]) => `${path}${query}`);
}

function otherPath(words: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '/',
      '/threads',
      '/threads/',
      '/runs',
      '/assistants/search',
      '/ok',
      '/info',
      '/docs',
      '/openapi.json',
      '/favicon.ico',
      '/%',
      '/%ZZ',
      '/..',
      '/../etc/passwd',
      '/..%2F..%2Fetc%2Fpasswd',
      '/threads/%2e%2e/%2e%2e/etc/passwd',
      '/.env',
      '/node_modules/express/package.json',
      '/src/http/create-app.ts',
      '/dist/index.js',
    ),
    threadId(words).map((id) => `/threads/${id}`),
    fc.tuple(threadId(words), fc.uuid({ version: 7 })).map(([id, run]) => `/threads/${id}/runs/${run}`),
    threadId(words).map((id) => `/threads/${id}/runs/stream`),
    fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
    fc
      .array(junkText(16), { minLength: 1, maxLength: 6 })
      .map((segments) => `/${segments.map((segment) => segment.replaceAll('/', '%2F')).join('/')}`),
  );
}

const ORIGINS = ['http://localhost:5173', 'null', 'https://evil.example', 'http://127.0.0.1:3000'] as const;

/** Optional headers a browser or a careless client adds; never `Prefer`, which asks for a 500 on purpose. */
function readHeaders(): fc.Arbitrary<Readonly<Record<string, string>>> {
  return fc.record(
    {
      origin: fc.constantFrom(...ORIGINS),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', ''),
      'x-api-key': fc.constantFrom('', 'lsv2_fake', '__proto__'),
    },
    { requiredKeys: [] },
  );
}

function junkBody(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...JUNK_BODIES),
    fc.json({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(1024, 65_536).map((length) => repeated('x', length)),
  );
}

/** Methods Node's parser knows; an unknown token is refused by the parser before the app sees it. */
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'PURGE'] as const;

function otherMethodRequest(words: Vocabulary): fc.Arbitrary<FuzzRequest> {
  const path = fc
    .oneof({ weight: 3, arbitrary: listRunsPath(words) }, { weight: 1, arbitrary: otherPath(words) })
    .map(escapeTarget);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({
          method: fc.constantFrom(...WRITE_METHODS),
          path,
          body: fc.option(junkBody(), { nil: undefined }),
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        })
        .map(({ method, path: target, body, contentType }): FuzzRequest =>
          body === undefined
            ? { kind: 'other-method', method, path: target }
            : { kind: 'other-method', method, path: target, headers: { 'content-type': contentType }, body },
        ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(path, fc.boolean()).map(([target, preflight]): FuzzRequest => ({
        kind: 'other-method',
        method: 'OPTIONS',
        path: target,
        ...(preflight
          ? {
              headers: {
                origin: 'http://localhost:5173',
                'access-control-request-method': 'GET',
                'access-control-request-headers': 'x-api-key, content-type',
              },
            }
          : {}),
      })),
    },
    {
      weight: 1,
      arbitrary: path.map((target): FuzzRequest => ({ kind: 'other-method', method: 'TRACE', path: target })),
    },
  );
}

/** A read (`GET`, sometimes `HEAD`) of `path`, with optional browser-ish headers. */
function readRequest(kind: FuzzRequestKind, path: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      path,
      fc.constantFrom('GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD'),
      fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: readHeaders() }),
    )
    .map(([raw, method, headers]) => {
      const target = escapeTarget(raw);
      return headers === null ? { kind, method, path: target } : { kind, method, path: target, headers };
    });
}

/** A List Runs path with raw bytes above 0x7f: not a valid request target, refused by Node's parser. */
function nonAsciiRequest(words: Vocabulary): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(listRunsPath(words).map(escapeTarget), fc.integer({ min: 0x80, max: 0xff }), fc.nat())
    .map(([path, code, at]) => {
      const cut = 1 + (at % path.length);
      return {
        kind: 'non-ascii',
        method: 'GET',
        path: `${path.slice(0, cut)}${String.fromCharCode(code)}${path.slice(cut)}`,
      };
    });
}

/**
 * Raw requests for fuzzing the mock: mostly List Runs reads (scenario threads, unknown and junk ids,
 * nasty query strings: unknown and repeated keys, empty values, unicode, percent-encoding junk, huge and
 * negative numbers, `1e309`, `__proto__`, `constructor[prototype]`, 8 KB values), then dot segments and
 * encoded slashes, control API reads (never writes: the store must stay as it is), other paths, other
 * methods with junk bodies, and a few targets with raw non-ASCII bytes.
 *
 * @example
 * const [request] = fc.sample(fuzzRequestArbitrary(), { seed: 1, numRuns: 1 });
 */
export function fuzzRequestArbitrary(): fc.Arbitrary<FuzzRequest> {
  const words = readFuzzVocabulary();
  return fc.oneof(
    { weight: 60, arbitrary: readRequest('list-runs', listRunsPath(words)) },
    { weight: 8, arbitrary: readRequest('dot-segments', dotSegmentPath(words)) },
    { weight: 12, arbitrary: readRequest('control', controlPath(words)) },
    { weight: 8, arbitrary: readRequest('other-path', otherPath(words)) },
    { weight: 10, arbitrary: otherMethodRequest(words) },
    { weight: 2, arbitrary: nonAsciiRequest(words) },
  );
}
