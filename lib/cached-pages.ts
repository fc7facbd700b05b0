import { locales } from '@/lib/i18n/routing';
import { MAX_QUERY_LENGTH, queryToSegment } from '@/lib/search/query-path';

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
 * The public path of a page rendered under an internal one, without the query string (which a
 * cached page does not know): what the language switcher links to.
 */
export function publicPath(pathname: string): string {
  if (pathname.startsWith('/blog-pages/') || pathname.startsWith('/blog-untranslated/')) return '/blog';
  if (pathname.startsWith('/search-results/')) return '/search';
  return pathname;
}
