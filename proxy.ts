import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';
import { cachedPageRewrite } from '@/lib/cached-pages';
import { isUnreadableUrl } from '@/lib/request-url';
import { isCachedPage, newNonce, renderedPagePolicy } from '@/lib/csp';

const intl = createMiddleware(routing);

// The paths the first matcher below leaves out, which reach the proxy only through the second.
const NOT_LOCALIZED = /^\/(?:api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\..*)/;

// Locale routing: `/` goes to the visitor's language (cookie, then Accept-Language).
// Authorization never happens here; it lives in lib/dal.
export default function proxy(request: NextRequest) {
  if (isUnreadableUrl(request.nextUrl)) return new NextResponse(null, { status: 400 });
  if (NOT_LOCALIZED.test(request.nextUrl.pathname)) return NextResponse.next();
  const target = cachedPageRewrite(request.nextUrl);
  // A page rendered for this request alone gets a fresh nonce: Next finds it in the request's
  // policy and puts it on every script it renders; the browser gets the same policy and runs
  // nothing else. A cached page's policy comes from the page cache (lib/csp.ts).
  const policy = isCachedPage(target?.pathname ?? request.nextUrl.pathname) ? null : renderedPagePolicy(newNonce());
  // Copied only for a page that needs it: cached pages are the hot path.
  let headers: Headers | null = null;
  if (policy) {
    headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
  }
  let response = intl(headers ? new NextRequest(request, { headers }) : request);
  if (target && !response.headers.has('location')) {
    // Stays inside the process only if the server was started as scripts/lib/next-start.mjs says.
    const rewritten = NextResponse.rewrite(target, headers ? { request: { headers } } : undefined);
    // Keep what the locale routing decided for the visitor (its language cookie).
    for (const cookie of response.cookies.getAll()) rewritten.cookies.set(cookie);
    response = rewritten;
  }
  if (policy) response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Everything except API routes, feeds, Next internals and files with an extension; and every
  // path with a percent-escape, so that a malformed one or a NUL is refused wherever it points.
  matcher: ['/((?!api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\\..*).*)', '/(.*%.*)'],
};
