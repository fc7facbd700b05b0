// Browser-side calls to next-auth's endpoints. Plain fetch instead of next-auth/react: the
// sign-in needs the 429 answer and its Retry-After, which signIn() does not pass on.

export type SessionInfo = { user?: { id: string; role: 'VOLUNTEER' | 'REVIEWER' | 'ADMIN'; name?: string | null; email?: string | null } };
export type SignInResult = { ok: true } | { ok: false; error: 'credentials' | 'rateLimited' | 'failed'; retryAfterMinutes?: number };

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { cache: 'no-store' });
  const data = (await res.json()) as { csrfToken?: string };
  if (!data.csrfToken) throw new Error('no csrf token');
  return data.csrfToken;
}

export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const res = await fetch('/api/auth/session', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as SessionInfo) : null;
  } catch {
    return null;
  }
}

export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<SignInResult> {
  try {
    const body = new URLSearchParams({ email, password, csrfToken: await csrfToken(), callbackUrl, json: 'true' });
    const res = await fetch('/api/auth/callback/credentials', { method: 'POST', headers: FORM, body });
    if (res.status === 429) {
      const seconds = Number(res.headers.get('Retry-After')) || 15 * 60;
      return { ok: false, error: 'rateLimited', retryAfterMinutes: Math.max(1, Math.ceil(seconds / 60)) };
    }
    const data = (await res.json().catch(() => ({}))) as { url?: string };
    const error = data.url ? new URL(data.url, window.location.origin).searchParams.get('error') : 'missing';
    if (res.ok && !error) return { ok: true };
    return { ok: false, error: res.status === 401 || error === 'CredentialsSignin' ? 'credentials' : 'failed' };
  } catch {
    return { ok: false, error: 'failed' };
  }
}

/** Signs out (ending the session cookie) and loads `to`, so every part of the page forgets the user. */
export async function signOutAndGo(to: string): Promise<void> {
  try {
    const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: to, json: 'true' });
    await fetch('/api/auth/signout', { method: 'POST', headers: FORM, body });
  } finally {
    window.location.assign(to);
  }
}

export async function startOAuth(provider: string, callbackUrl: string): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: 'true' });
  const res = await fetch(`/api/auth/signin/${encodeURIComponent(provider)}`, { method: 'POST', headers: FORM, body });
  const data = (await res.json()) as { url?: string };
  if (data.url) window.location.assign(data.url);
}
