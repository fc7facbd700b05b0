import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

// Locale routing only: `/` goes to the visitor's language (cookie, then Accept-Language).
// Authorization never happens here; it lives in lib/dal.
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, feeds, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|feed|sitemap.xml|robots.txt|.*\\..*).*)'],
};
