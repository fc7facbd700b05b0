import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsImport from 'next-auth/providers/credentials';
import GitHubImport from 'next-auth/providers/github';
import type { OAuthConfig, Provider } from 'next-auth/providers/index';
import { env } from '@/lib/env';
import { routing, type Locale } from '@/lib/i18n/routing';
import { signInSchema } from '@/lib/validations/auth';
import { createAuthAdapter, verifyCredentials } from '@/lib/dal/users';
import { endSession, getAccountState, getSessionState, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/dal/auth-sessions';
import { markEmailVerified } from '@/lib/dal/email-verification';
import { providerVerifiedEmail, withGitHubEmail, type GitHubEmail } from '@/lib/oauth-email';
import { clientIp, normalizeEmail, recordLoginSuccess } from '@/lib/dal/rate-limit';
import { logRequestEvent } from '@/lib/request-log';
import { errorMessage } from '@/lib/log';

// next-auth's providers are CommonJS with `exports.default`: Next's bundler unwraps that, but
// plain Node (scripts, Vitest) hands over the whole module object.
const unwrap = <T,>(mod: T): T => (mod as { default?: T }).default ?? mod;
const CredentialsProvider = unwrap(CredentialsImport);
const GitHubProvider = unwrap(GitHubImport);

/** Thrown by the jwt callback: next-auth then drops the session cookie and reports no user. */
class SessionRevoked extends Error {
  constructor() {
    super('SESSION_REVOKED');
  }
}

type HuggingFaceProfile = { sub: string; name?: string; preferred_username?: string; email?: string; picture?: string };

function huggingFace(clientId: string, clientSecret: string): OAuthConfig<HuggingFaceProfile> {
  return {
    id: 'huggingface',
    name: 'Hugging Face',
    type: 'oauth',
    authorization: { url: 'https://huggingface.co/oauth/authorize', params: { scope: 'openid profile email' } },
    token: 'https://huggingface.co/oauth/token',
    userinfo: 'https://huggingface.co/oauth/userinfo',
    checks: ['pkce', 'state'],
    clientId,
    clientSecret,
    profile: (p) => ({ id: p.sub, name: p.name ?? p.preferred_username ?? null, email: p.email ?? null, image: p.picture ?? null }),
  };
}

function gitHub(clientId: string, clientSecret: string): Provider {
  return GitHubProvider({
    clientId,
    clientSecret,
    // As next-auth's own request, plus whether GitHub verified the address (lib/oauth-email.ts).
    userinfo: {
      url: 'https://api.github.com/user',
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token!);
        const res = await fetch('https://api.github.com/user/emails', { headers: { Authorization: `token ${tokens.access_token}` } });
        return withGitHubEmail(profile as { email?: string | null }, res.ok ? ((await res.json()) as GitHubEmail[]) : []) as never;
      },
    },
  });
}

function oauthProviders(): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(gitHub(env.GITHUB_ID, env.GITHUB_SECRET));
  if (env.HF_CLIENT_ID && env.HF_CLIENT_SECRET) providers.push(huggingFace(env.HF_CLIENT_ID, env.HF_CLIENT_SECRET));
  return providers;
}

/** The OAuth providers configured on this server, for the sign-in page's buttons. */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email',
  credentials: { email: { type: 'email' }, password: { type: 'password' } },
  // Attempts are counted (and refused over the limit) in app/api/auth/[...nextauth]/route.ts
  // before this runs; a success gives the attempt back.
  async authorize(raw, req) {
    const parsed = signInSchema.safeParse(raw ?? {});
    if (!parsed.success) return null;
    const user = await verifyCredentials(parsed.data.email, parsed.data.password);
    if (!user) return null;
    const header = (name: string) => {
      const value = req.headers?.[name];
      return Array.isArray(value) ? value[0] : value;
    };
    await recordLoginSuccess({ email: normalizeEmail(parsed.data.email), ip: clientIp(header) });
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  },
});

const oauth = oauthProviders();
const authUrl = new URL(env.NEXTAUTH_URL ?? env.SITE_URL);

export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  // Credentials sign-in needs JWT sessions; the adapter still stores OAuth users and accounts.
  // The JWT names a server-side session (lib/dal/auth-sessions.ts) that signing out deletes.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  ...(oauth.length ? { adapter: createAuthAdapter() } : {}),
  providers: [credentials, ...oauth],
  pages: { signIn: `/${routing.defaultLocale}/sign-in`, error: `/${routing.defaultLocale}/sign-in` },
  // HttpOnly and SameSite=Lax are next-auth's defaults; Secure (and the __Secure- prefix) on https.
  useSecureCookies: authUrl.protocol === 'https:',
  callbacks: {
    async signIn({ user, account }) {
      if (account?.type !== 'oauth') return true;
      const state = await getAccountState(user.id);
      return !state?.disabledAt;
    },
    async jwt({ token, user, account, profile }) {
      const userId = user?.id ?? token.sub;
      if (!userId) throw new SessionRevoked();
      // At sign-in the account must be active; on every later request its session must also
      // still be open (not signed out, not expired).
      const state = user ? await getAccountState(userId) : await getSessionState(userId, token.sid);
      if (!state || state.disabledAt) throw new SessionRevoked();
      if (user) {
        // A sign-in opens a session and adopts the current version; afterwards any bump
        // (demotion, ban, password change) makes the versions differ and ends this session.
        if (account?.type === 'oauth' && providerVerifiedEmail(profile, state.email)) await markEmailVerified(state.id);
        token.sid = await startSession(state.id);
        token.sessionVersion = state.sessionVersion;
      } else if (token.sessionVersion !== state.sessionVersion) throw new SessionRevoked();
      token.sub = state.id;
      token.role = state.role;
      token.name = state.name;
      token.email = state.email;
      token.picture = state.image;
      return token;
    },
    async session({ session, token }) {
      if (!token.sub || !token.role) return { expires: session.expires };
      session.user = { id: token.sub, role: token.role, name: token.name ?? null, email: token.email ?? null, image: token.picture ?? null };
      return session;
    },
  },
  events: {
    // next-auth clears the cookie; deleting the session refuses every copy of it that was kept.
    async signOut({ token }) {
      await endSession(token?.sid).catch((err: unknown) => logRequestEvent('error', 'sign-out did not end the session', { err: errorMessage(err) }));
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked session is an expected outcome, not an error worth a stack trace.
      if (metadata instanceof SessionRevoked || (metadata as { message?: string })?.message === 'SESSION_REVOKED') return;
      // A callback URL a visitor made up is their mistake, not the server's: a warning, and what
      // they sent is not repeated into the log.
      if (code === 'INVALID_CALLBACK_URL_ERROR') return void logRequestEvent('warn', 'next-auth', { code });
      void logRequestEvent('error', 'next-auth', { code, err: metadata instanceof Error ? metadata.message : metadata });
    },
    warn(code) {
      if (code === 'DEBUG_ENABLED') return;
      void logRequestEvent('warn', 'next-auth', { code });
    },
    debug() {},
  },
};

/** The same options with next-auth's own redirects (errors, sign-in) landing in `locale`. */
export function authOptionsFor(locale: Locale): AuthOptions {
  return { ...authOptions, pages: { signIn: `/${locale}/sign-in`, error: `/${locale}/sign-in` } };
}
