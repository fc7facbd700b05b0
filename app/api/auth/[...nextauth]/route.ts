import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth';
import { routing } from '@/lib/i18n/routing';
import { clientIp, consumeLoginAttempt, normalizeEmail } from '@/lib/dal/rate-limit';
import { isUnreadableUrl } from '@/lib/request-url';
import { BodyTooLarge, readBodyCapped, tooLargeResponse } from '@/lib/request-body';

type Context = RouteContext<'/api/auth/[...nextauth]'>;

const LOCALE_COOKIE = (typeof routing.localeCookie === 'object' && routing.localeCookie.name) || 'NEXT_LOCALE';

// The proxy does not run here: a NUL in the query would otherwise end up in a Location header.
const badRequest = () => Response.json({ error: 'BadRequest' }, { status: 400, headers: { 'Cache-Control': 'no-store' } });

/**
 * next-auth copies `?error=` as it came into the Location of its redirect to the sign-in page, where
 * a character outside Latin-1 or a line break is an invalid header (a 500). Its own codes are plain
 * words, and the sign-in page shows its generic message for any other.
 */
function withPlainError(req: NextRequest): NextRequest {
  const error = req.nextUrl.searchParams.get('error');
  if (req.method !== 'GET' || error === null || /^[A-Za-z]{1,64}$/.test(error)) return req;
  const url = req.nextUrl.clone();
  url.searchParams.set('error', 'Default');
  return new NextRequest(url, req);
}

// next-auth's own redirects (its error and sign-in pages) go to the visitor's language.
async function handle(req: NextRequest, ctx: Context) {
  if (isUnreadableUrl(req.nextUrl)) return badRequest();
  const { nextauth } = await ctx.params;
  // `/api/auth/error/<code>` names the error in the path: only plain words are one of its codes.
  if (nextauth[0] === 'error' && nextauth[1] !== undefined && !/^[A-Za-z]{1,64}$/.test(nextauth[1])) return badRequest();
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  const locale = routing.locales.find((l) => l === cookie) ?? routing.defaultLocale;
  return NextAuth(withPlainError(req), ctx, authOptionsFor(locale)) as Promise<Response>;
}

// A sign-in form, a CSRF token and a callback URL: a few hundred bytes.
const MAX_BODY_BYTES = 8 * 1024;

function submittedFields(req: NextRequest, body: string): Record<string, unknown> {
  try {
    if (req.headers.get('content-type')?.includes('application/json')) return (JSON.parse(body) ?? {}) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(body));
  } catch {
    return {};
  }
}

export async function GET(req: NextRequest, ctx: Context) {
  return handle(req, ctx);
}

/**
 * Credentials sign-ins are counted per account and per address before next-auth sees them.
 * Over the limit the answer is the same 429 whether or not the account exists.
 */
export async function POST(original: NextRequest, ctx: Context) {
  // Read once, with a ceiling, before anything else: the limit below must not cost the memory
  // of whatever a client sends. next-auth then gets the same bytes.
  let body: string;
  try {
    body = await readBodyCapped(original, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLargeResponse();
    throw error;
  }
  const req = new NextRequest(original.url, { method: 'POST', headers: original.headers, body });
  const { nextauth } = await ctx.params;
  if (nextauth[0] === 'callback' && nextauth[1] === 'credentials') {
    const fields = submittedFields(req, body);
    // No account's address or password holds a NUL, and the attempt counter could not store one.
    if (Object.values(fields).some((v) => typeof v === 'string' && v.includes('\u0000'))) return badRequest();
    const verdict = await consumeLoginAttempt({ email: normalizeEmail(fields.email), ip: clientIp((name) => req.headers.get(name)) });
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
