import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { listen } from '../helpers/broken-servers.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** A static file server on its own port: the page's origin, which the mock's is not. */
export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:40125`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the files directly in `directory` (no subfolders) on 127.0.0.1, a free port. */
export async function serveStatic(directory: string): Promise<StaticServer> {
  return listen((request, response) => {
    const name = new URL(request.url ?? '/', 'http://page.test').pathname.slice(1);
    const type = CONTENT_TYPES[extname(name)];
    // Only plain file names: no way out of the directory.
    if (type === undefined || !/^[\w.-]+$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(directory, name)).then(
      (body) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
}
