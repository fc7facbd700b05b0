import { NextResponse, type NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';
import { cachedPageRewrite } from '@/lib/cached-pages';
import { isUnreadableUrl } from '@/lib/request-url';

const intl = createMiddleware(routing);

// The paths the first matcher below leaves out, which reach the proxy only through the second.
const NOT_LOCALIZED = /^\/(?:api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\..*)/;

// Locale routing: `/` goes to the visitor's language (cookie, then Accept-Language).
// Authorization never happens here; it lives in lib/dal.
export default function proxy(request: NextRequest) {
  if (isUnreadableUrl(request.nextUrl)) return new NextResponse(null, { status: 400 });
  if (NOT_LOCALIZED.test(request.nextUrl.pathname)) return NextResponse.next();
  const response = intl(request);
  const target = cachedPageRewrite(request.nextUrl);
  if (!target || response.headers.has('location')) return response;
  const rewritten = NextResponse.rewrite(target);
  // Keep what the locale routing decided for the visitor (its language cookie).
  for (const cookie of response.cookies.getAll()) rewritten.cookies.set(cookie);
  return rewritten;
}

export const config = {
  // Everything except API routes, feeds, Next internals and files with an extension; and every
  // path with a percent-escape, so that a malformed one or a NUL is refused wherever it points.
  matcher: ['/((?!api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\\..*).*)', '/(.*%.*)'],
};
