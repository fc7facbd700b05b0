import { createHash } from 'node:crypto';
import type { JWT } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('./session-mock').then((m) => m.sessionMock));

import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth';
import { endSession, getSessionState, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/dal/auth-sessions';
import { makeUser } from './support';

// next-auth runs the jwt callback with `user` at sign-in, then without it on every request that
// carries the cookie; signing out runs events.signOut with the cookie's token.
const signIn = (userId: string) => authOptions.callbacks!.jwt!({ token: { sub: userId }, user: { id: userId }, account: null, trigger: 'signIn' });
const request = (token: JWT) => authOptions.callbacks!.jwt!({ token, user: undefined as never, account: null });
const signOut = (token: JWT) => authOptions.events!.signOut!({ token, session: undefined as never });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const DAY = 86_400_000;

describe('a signed-out session', () => {
  it('is refused afterwards: a copy of the cookie kept from before sign-out no longer works', async () => {
    const user = await makeUser();
    const token = await signIn(user.id);
    expect(await request(token)).toMatchObject({ sub: user.id, role: 'VOLUNTEER' });
    await signOut(token);
    await expect(request(token)).rejects.toThrow('SESSION_REVOKED');
  });

  it('ends only that browser’s session: the user’s other ones go on', async () => {
    const user = await makeUser();
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    await signOut(laptop);
    await expect(request(laptop)).rejects.toThrow('SESSION_REVOKED');
    expect(await request(phone)).toMatchObject({ sub: user.id });
  });

  it('is refused when the token names no session (a cookie from before sessions were kept)', async () => {
    const user = await makeUser();
    await expect(request({ sub: user.id, role: 'VOLUNTEER', sessionVersion: 0 })).rejects.toThrow('SESSION_REVOKED');
  });

  it('is refused when the session belongs to someone else', async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const token = await signIn(alice.id);
    await expect(request({ ...token, sub: bob.id })).rejects.toThrow('SESSION_REVOKED');
  });
});

describe('server-side sessions', () => {
  it('keep only a hash of the id the token carries', async () => {
    const user = await makeUser();
    const sessionId = await startSession(user.id);
    const rows = await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } });
    expect(rows).toEqual([{ sessionToken: sha256(sessionId) }]);
  });

  it('refuse an expired session, and move the end of one in use forward at most once a day', async () => {
    const user = await makeUser();
    const sessionId = await startSession(user.id);
    const where = { sessionToken: sha256(sessionId) };
    const expires = async () => (await db.session.findUniqueOrThrow({ where, select: { expires: true } })).expires.getTime();

    const fresh = await expires();
    expect(await getSessionState(user.id, sessionId)).toMatchObject({ id: user.id });
    expect(await expires()).toBe(fresh);

    await db.session.update({ where, data: { expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 2 * DAY) } });
    expect(await getSessionState(user.id, sessionId)).toMatchObject({ id: user.id });
    expect(await expires()).toBeGreaterThan(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 60_000);

    await db.session.update({ where, data: { expires: new Date(Date.now() - 1000) } });
    expect(await getSessionState(user.id, sessionId)).toBeNull();
  });

  it('clear a user’s expired sessions when a new one starts', async () => {
    const user = await makeUser();
    const old = await startSession(user.id);
    await db.session.update({ where: { sessionToken: sha256(old) }, data: { expires: new Date(Date.now() - DAY) } });
    await startSession(user.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('end with no error for a token that names no session', async () => {
    await expect(endSession(undefined)).resolves.toBeUndefined();
    await expect(endSession('no such session')).resolves.toBeUndefined();
  });
});
