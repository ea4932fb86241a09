import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * The text of a body sent with `content-encoding` (gzip, deflate, br, or none): the proxy passes the
 * encoded bytes on untouched and checks the text. Undefined for an encoding it cannot read, or bytes that
 * do not decode.
 */
export function decodeContent(body: Buffer, encoding: string | undefined): string | undefined {
  const name = (encoding ?? '').trim().toLowerCase();
  try {
    if (name === '' || name === 'identity') return body.toString('utf8');
    if (name === 'gzip' || name === 'x-gzip') return gunzipSync(body).toString('utf8');
    if (name === 'deflate') return inflateSync(body).toString('utf8');
    if (name === 'br') return brotliDecompressSync(body).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}
