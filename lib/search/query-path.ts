/** Characters of a query that count; the rest is dropped, and the visitor told so. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A search query as one URL path segment (base64url of its UTF-8), so that a search result page
 * can live at a path the page cache keys on: the proxy rewrites `/[locale]/search?q=…&page=N` to
 * `/[locale]/search-results/N/<segment>`. Runs in the proxy, on the server and in the browser.
 */
export function queryToSegment(query: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(query)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The query a segment holds, or null when it is not one queryToSegment made. */
export function segmentToQuery(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  try {
    const binary = atob(segment.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
