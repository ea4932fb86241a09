import { request } from 'node:http';

/** One plain HTTP answer, body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * GETs a URL on a fresh connection with node:http. Not `fetch`: undici sets itself up on first use (tens
 * of ms), which would land inside the first start-up measurement, and keeps connections pooled.
 */
export function httpGet(url: string, timeoutMs = 10_000): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const outgoing = request(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: response.statusCode ?? 0, headers, body });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`GET ${url}: no answer after ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** GETs a URL and fails unless the answer is a 200, so a broken server never gets benchmarked. */
export async function expectOk(url: string): Promise<HttpAnswer> {
  const answer = await httpGet(url);
  if (answer.status !== 200)
    throw new Error(`GET ${url} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  return answer;
}
