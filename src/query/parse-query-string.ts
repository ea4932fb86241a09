/**
 * The parameters of a request's query, the text after the first `?` of the target, read as form data:
 * split on `&`, each pair on its first `=`, `+` as a space, percent escapes decoded as UTF-8. That is
 * how Starlette (`parse_qsl`) and the WHATWG URL parser (`new URL(…).searchParams`, which the contract
 * checker uses) both read it, so `/runs??limit=5` has the key `?limit`, an unknown parameter, and
 * the default limit applies under either profile.
 *
 * @example
 * parseQueryString('?limit=5').get('?limit'); // '5'
 */
export function parseQueryString(query: string): URLSearchParams {
  // The string constructor of URLSearchParams drops one leading `?` (it is built for `location.search`);
  // an empty first pair is skipped by the form parser, so a leading `&` keeps the `?` without adding a key.
  return new URLSearchParams(query.startsWith('?') ? `&${query}` : query);
}
