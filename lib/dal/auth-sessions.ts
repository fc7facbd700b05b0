import 'server-only';
import { db } from '@/lib/db';
import { newSecret, sha256 } from '@/lib/dal/tokens';

/**
 * Server-side sessions behind next-auth's JWT cookies. The cookie alone would stay valid until
 * it expires; a row per sign-in, named by a random id inside the (encrypted) JWT and checked on
 * every request, is what lets signing out end it everywhere, at once.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// As with next-auth's database sessions: one in use has its end moved forward at most once a day.
const SESSION_UPDATE_AGE_MS = 24 * 60 * 60 * 1000;
const maxAgeMs = SESSION_MAX_AGE_SECONDS * 1000;

const USER_STATE = { id: true, email: true, name: true, image: true, role: true, sessionVersion: true, disabledAt: true } as const;

/** The account as a sign-in sees it (it has no session yet): null when there is none. */
export async function getAccountState(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: USER_STATE });
}

/** Opens a session for the user and returns its id, for the JWT only (the row keeps its SHA-256). */
export async function startSession(userId: string): Promise<string> {
  const sessionId = newSecret();
  const now = Date.now();
  await db.$transaction([
    // The user's sessions that ran out without a sign-out go when the next one starts.
    db.session.deleteMany({ where: { userId, expires: { lt: new Date(now) } } }),
    db.session.create({ data: { sessionToken: sha256(sessionId), userId, expires: new Date(now + maxAgeMs) }, select: { id: true } }),
  ]);
  return sessionId;
}

/** Signing out: the session's cookie, wherever a copy of it is, is refused from now on. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId !== 'string' || sessionId === '') return;
  await db.session.deleteMany({ where: { sessionToken: sha256(sessionId) } });
}

/**
 * What the jwt callback re-reads on every request: the user of an open session (not signed out,
 * not expired), or null. Demotions, bans and password changes are the caller's sessionVersion check.
 */
export async function getSessionState(userId: string, sessionId: unknown) {
  if (typeof sessionId !== 'string' || sessionId === '') return null;
  const sessionToken = sha256(sessionId);
  const session = await db.session.findUnique({ where: { sessionToken }, select: { userId: true, expires: true, user: { select: USER_STATE } } });
  const now = Date.now();
  if (!session || session.userId !== userId || session.expires.getTime() <= now) return null;
  if (session.expires.getTime() < now + maxAgeMs - SESSION_UPDATE_AGE_MS) {
    await db.session.updateMany({ where: { sessionToken }, data: { expires: new Date(now + maxAgeMs) } });
  }
  return session.user;
}
