import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth';
import { routing } from '@/lib/i18n/routing';
import { clientIp, consumeLoginAttempt, normalizeEmail } from '@/lib/dal/rate-limit';

type Context = RouteContext<'/api/auth/[...nextauth]'>;

const LOCALE_COOKIE = (typeof routing.localeCookie === 'object' && routing.localeCookie.name) || 'NEXT_LOCALE';

// next-auth's own redirects (its error and sign-in pages) go to the visitor's language.
function handle(req: NextRequest, ctx: Context) {
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  const locale = routing.locales.find((l) => l === cookie) ?? routing.defaultLocale;
  return NextAuth(req, ctx, authOptionsFor(locale)) as Promise<Response>;
}

async function submittedEmail(req: NextRequest): Promise<string> {
  const copy = req.clone();
  try {
    if (req.headers.get('content-type')?.includes('application/json')) return normalizeEmail((await copy.json())?.email);
    return normalizeEmail(new URLSearchParams(await copy.text()).get('email'));
  } catch {
    return '';
  }
}

export async function GET(req: NextRequest, ctx: Context) {
  return handle(req, ctx);
}

/**
 * Credentials sign-ins are counted per account and per address before next-auth sees them.
 * Over the limit the answer is the same 429 whether or not the account exists.
 */
export async function POST(req: NextRequest, ctx: Context) {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === 'callback' && nextauth[1] === 'credentials') {
    const verdict = await consumeLoginAttempt({ email: await submittedEmail(req), ip: clientIp((name) => req.headers.get(name)) });
    if (!verdict.allowed) {
      const retryAfter = String(verdict.retryAfterSeconds);
      // `url` keeps next-auth/react's signIn() working: it reads the error from it.
      const url = new URL(`/api/auth/error?error=RateLimited`, req.nextUrl.origin).toString();
      return Response.json(
        { error: 'RateLimited', retryAfter: verdict.retryAfterSeconds, url },
        { status: 429, headers: { 'Retry-After': retryAfter, 'Cache-Control': 'no-store' } },
      );
    }
  }
  return handle(req, ctx);
}
