import { MethodNotAllowedError } from './method-not-allowed-error.js';

/** The parameters a pattern such as `/threads/:threadId/runs/:runId` names, each a string. */
export type RouteParams<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? { readonly [Key in Name]: string } & RouteParams<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? { readonly [Key in Name]: string }
    : unknown;

/** What a route handler is given: the decoded path parameters and the parsed JSON body. */
export interface RouteRequest<Pattern extends string> {
  readonly params: RouteParams<Pattern>;
  /** The parsed JSON body; undefined when the request had none. */
  readonly body: unknown;
}

/** How a route handler answers: `status(201).json(value)`, `json(value)` or `status(204).end()`. */
export interface RouteResponse {
  status(code: number): RouteResponse;
  json(value: unknown): void;
  end(): void;
}

/** A route handler; it throws domain errors, which the core maps to `{"detail"}` answers. */
export type RouteHandler<Pattern extends string> = (
  request: RouteRequest<Pattern>,
  response: RouteResponse,
) => void | Promise<void>;

/** A route found for a request, ready to run with its parameters. */
export interface MatchedRoute {
  run(body: unknown, response: RouteResponse): void | Promise<void>;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: RouteHandler<string>;
}

/**
 * A small method-and-path router for JSON routes, with no dependency on a server framework: patterns
 * with `:name` segments (percent-decoded, a malformed escape is a URIError), an optional trailing slash,
 * HEAD served by GET, and a 405 with `Allow` for a known path asked with another method.
 */
export class RouteTable {
  readonly #routes: Route[] = [];

  get<Pattern extends string>(pattern: Pattern, handler: RouteHandler<Pattern>): void {
    this.#add('GET', pattern, handler);
  }

  post<Pattern extends string>(pattern: Pattern, handler: RouteHandler<Pattern>): void {
    this.#add('POST', pattern, handler);
  }

  patch<Pattern extends string>(pattern: Pattern, handler: RouteHandler<Pattern>): void {
    this.#add('PATCH', pattern, handler);
  }

  delete<Pattern extends string>(pattern: Pattern, handler: RouteHandler<Pattern>): void {
    this.#add('DELETE', pattern, handler);
  }

  /**
   * The route for `method` on `path`, undefined when no route has that path, or a thrown
   * `MethodNotAllowedError` naming the methods the path does serve.
   */
  match(method: string, path: string): MatchedRoute | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed = new Set<string>();
    for (const route of this.#routes) {
      const found = route.pattern.exec(path);
      if (found === null) continue;
      // Decoded before the method is looked at: a malformed escape is a 400 whatever the method.
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      if (route.method !== wanted) {
        allowed.add(route.method);
        continue;
      }
      return { run: (body, response) => route.handler({ params, body }, response) };
    }
    if (allowed.size === 0) return undefined;
    if (allowed.has('GET')) allowed.add('HEAD');
    throw new MethodNotAllowedError([...allowed, 'OPTIONS']);
  }

  /** The methods a path serves (OPTIONS included), or undefined when no route has that path. */
  methodsOf(path: string): readonly string[] | undefined {
    const methods = this.#routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
    if (methods.length === 0) return undefined;
    return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
  }

  #add<Pattern extends string>(method: string, pattern: Pattern, handler: RouteHandler<Pattern>): void {
    const names: string[] = [];
    const source = pattern.replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.#routes.push({
      method,
      pattern: new RegExp(`^${source}/?$`),
      names,
      handler,
    });
  }
}
