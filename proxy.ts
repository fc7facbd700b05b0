import { NextResponse, type NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';
import { cachedPageRewrite } from '@/lib/cached-pages';

const intl = createMiddleware(routing);

// Locale routing: `/` goes to the visitor's language (cookie, then Accept-Language).
// Authorization never happens here; it lives in lib/dal.
export default function proxy(request: NextRequest) {
  const response = intl(request);
  const target = cachedPageRewrite(request.nextUrl);
  if (!target || response.headers.has('location')) return response;
  const rewritten = NextResponse.rewrite(target);
  // Keep what the locale routing decided for the visitor (its language cookie).
  for (const cookie of response.cookies.getAll()) rewritten.cookies.set(cookie);
  return rewritten;
}

export const config = {
  // Everything except API routes, feeds, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\\..*).*)'],
};
