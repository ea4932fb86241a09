/**
 * Reads `--target`: an absolute http(s) URL, optionally with a path prefix the proxied paths go under,
 * and no query, fragment or credentials (a key belongs in `--api-key`, which is never written anywhere).
 * Undefined when the text is not such a URL.
 */
export function parseTargetUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return undefined;
  return url;
}
