import { locales } from '@/lib/i18n/routing';
import { MAX_QUERY_LENGTH, queryToSegment, segmentToQuery } from '@/lib/search/query-path';

// The internal paths public pages with a query string are cached under, both ways: the proxy
// rewrites to them, and the language switcher (which renders under them) links back.

const CACHED_QUERY_PAGE = new RegExp(`^/(${locales.join('|')})/(blog|search)/?$`);
// Pages past this, or malformed, all go to page 0, a 404: they share one cached page rather than
// filling the cache with one each. 1,000 pages are 20,000 posts.
const MAX_CACHED_PAGE = 1000;

/**
 * Public pages whose content depends on the query string, rewritten to paths the page cache can
 * key on: the blog listing's `?page=N` (components/blog/blog-listing.tsx) and search's `?q=…&page=N`
 * (components/search/search-view.tsx). The language switcher's `?untranslated=slug` goes to a page
 * rendered per request.
 */
export function cachedPageRewrite(url: URL): URL | null {
  const match = CACHED_QUERY_PAGE.exec(url.pathname);
  if (!match) return null;
  const [, locale, section] = match;
  const page = url.searchParams.get('page');
  const pageNumber = page === null ? 1 : /^[1-9][0-9]{0,3}$/.test(page) && Number(page) <= MAX_CACHED_PAGE ? Number(page) : 0;
  let pathname: string | null = null;
  if (section === 'search') {
    // Spacing never changes the results: one cached page for every way of typing a query.
    const q = (url.searchParams.get('q') ?? '').trim().replace(/\s+/g, ' ');
    // One character more than counts, so that the page can say the query was cut.
    if (q) pathname = `/${locale}/search-results/${pageNumber}/${queryToSegment(q.slice(0, MAX_QUERY_LENGTH + 1))}`;
  } else {
    const untranslated = url.searchParams.get('untranslated');
    if (untranslated) pathname = `/${locale}/blog-untranslated/${encodeURIComponent(untranslated)}`;
    else if (page !== null) pathname = `/${locale}/blog-pages/${pageNumber}`;
  }
  if (!pathname) return null;
  const target = new URL(url);
  target.pathname = pathname;
  target.search = '';
  return target;
}

/**
 * The public address of a page rendered under an internal one, the query string included (the
 * internal path holds it: the cache keys on it): what the language switcher links to, so that
 * switching keeps the search and the listing's page.
 */
export function publicHref(pathname: string): string {
  const [, section, page = '', segment = ''] = /^\/(blog-pages|blog-untranslated|search-results)\/([^/]+)(?:\/([^/]+))?/.exec(pathname) ?? [];
  const params = new URLSearchParams();
  if (section === 'search-results') {
    const query = segmentToQuery(segment);
    if (query) params.set('q', query);
  }
  // Page 0 is where malformed page numbers go (a 404): the other language's first page instead.
  if ((section === 'search-results' && params.has('q')) || section === 'blog-pages') {
    if (Number(page) > 1) params.set('page', page);
  }
  if (!section) return pathname;
  const base = section === 'search-results' ? '/search' : '/blog';
  return params.size ? `${base}?${params}` : base;
}
