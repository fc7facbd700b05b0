import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('./session-mock').then((m) => m.sessionMock));

import { db } from '@/lib/db';
import { changeOwnPassword, verifyCredentials } from '@/lib/dal/users';
import { checkPasswordResetToken, createPasswordResetToken, resetPassword } from '@/lib/dal/password-reset';
import { consumeLoginAttempt, LOGIN_LIMITS } from '@/lib/dal/rate-limit';
import { as, makeUser, uniqueEmail, userRow } from './support';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('password reset tokens', () => {
  it('gives nothing for an unknown or disabled address', async () => {
    expect(await createPasswordResetToken(uniqueEmail('nobody'))).toBeNull();
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await createPasswordResetToken(user.email)).toBeNull();
  });

  it('stores only the token’s SHA-256, for one hour, under reset:<userId>', async () => {
    const user = await makeUser();
    const reset = (await createPasswordResetToken(user.email))!;
    expect(reset.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.verificationToken.findMany({ where: { identifier: `reset:${user.id}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toBe(sha256(reset.token));
    expect(rows[0]!.expires.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(rows[0]!.expires.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await checkPasswordResetToken(reset.token)).toBe('valid');
  });

  it('forgets earlier tokens when a new one is asked for', async () => {
    const user = await makeUser();
    const first = (await createPasswordResetToken(user.email))!;
    const second = (await createPasswordResetToken(user.email))!;
    expect(await checkPasswordResetToken(first.token)).toBe('invalid');
    expect(await resetPassword(first.token, 'a brand new password')).toEqual({ ok: false, reason: 'INVALID' });
    expect(await checkPasswordResetToken(second.token)).toBe('valid');
  });

  it('sets the password once, ends every session and cannot be used again', async () => {
    const user = await makeUser();
    const before = await userRow(user.id);
    const { token } = (await createPasswordResetToken(user.email))!;
    expect(await resetPassword(token, 'a brand new password')).toEqual({ ok: true });
    expect((await userRow(user.id)).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyCredentials(user.email, 'a brand new password')).toMatchObject({ id: user.id });
    expect(await verifyCredentials(user.email, user.password)).toBeNull();
    expect(await resetPassword(token, 'another new password')).toEqual({ ok: false, reason: 'INVALID' });
    expect(await checkPasswordResetToken(token)).toBe('invalid');
  });

  it('lets only one of two simultaneous uses of a token through', async () => {
    const user = await makeUser();
    const { token } = (await createPasswordResetToken(user.email))!;
    const results = await Promise.all([resetPassword(token, 'first new password'), resetPassword(token, 'second new password')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? 'first new password' : 'second new password';
    expect(await verifyCredentials(user.email, winner)).not.toBeNull();
  });

  it('refuses an expired token and uses it up', async () => {
    const user = await makeUser();
    const { token } = (await createPasswordResetToken(user.email))!;
    await db.verificationToken.update({ where: { token: sha256(token) }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await checkPasswordResetToken(token)).toBe('expired');
    expect(await resetPassword(token, 'a brand new password')).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(await checkPasswordResetToken(token)).toBe('invalid');
    expect(await verifyCredentials(user.email, user.password)).not.toBeNull();
  });

  it('lifts a sign-in lock-out: the owner of the mailbox may sign in at once', async () => {
    const user = await makeUser();
    for (let i = 0; i <= LOGIN_LIMITS.pair.limit; i++) await consumeLoginAttempt({ email: user.email, ip: '203.0.113.7' });
    expect((await consumeLoginAttempt({ email: user.email, ip: '203.0.113.7' })).allowed).toBe(false);
    const { token } = (await createPasswordResetToken(user.email))!;
    await resetPassword(token, 'a brand new password');
    expect((await consumeLoginAttempt({ email: user.email, ip: '203.0.113.7' })).allowed).toBe(true);
  });

  it('proves the mailbox is the owner’s: an unverified address becomes verified', async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { emailVerified: null } });
    const { token } = (await createPasswordResetToken(user.email))!;
    expect(await resetPassword(token, 'a brand new password')).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerified: true } })).emailVerified).not.toBeNull();
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, then ends every session', async () => {
    const user = await makeUser();
    const before = await userRow(user.id);
    expect(await as(user, () => changeOwnPassword('not my password', 'a brand new password'))).toEqual({ ok: false, reason: 'WRONG_PASSWORD' });
    expect(await as(user, () => changeOwnPassword(user.password, 'a brand new password'))).toEqual({ ok: true });
    expect((await userRow(user.id)).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyCredentials(user.email, 'a brand new password')).not.toBeNull();
  });

  it('is refused to visitors', async () => {
    await expect(as(null, () => changeOwnPassword('x', 'a brand new password'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
