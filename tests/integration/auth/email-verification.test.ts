import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth';
import {
  checkEmailVerificationToken,
  createMyVerificationToken,
  getMyEmailVerification,
  registerUser,
  verifyEmail,
} from '@/lib/dal/email-verification';
import { upsertUserAsOperator, verifyCredentials } from '@/lib/dal/users';
import { claimPost, startUpdate } from '@/lib/dal/translation-claims';
import { claimPostAction } from '@/lib/actions/translation';
import { as, createEnglishPost, createUser, unique } from '../translation/support';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('../translation/support')).mockedSession(await importOriginal()));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newEmail = (label: string) => `${unique(label)}@verify.example`;
const verifiedAt = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerified: true } })).emailVerified;

async function registered(label = 'new') {
  const email = newEmail(label);
  const result = await registerUser({ email, name: 'New Volunteer', password: 'a long enough password' });
  if (result.kind !== 'created') throw new Error(`expected a new account, got ${result.kind}`);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
  return { user, token: result.token };
}

describe('registration', () => {
  it('makes an unverified volunteer, with an argon2id hash, whose mailed link verifies the address once', async () => {
    const { user, token } = await registered();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, passwordHash: true } });
    expect(row.role).toBe('VOLUNTEER');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifiedAt(user.email)).toBeNull();
    expect(await db.verificationToken.findFirst({ where: { token } })).toBeNull();
    expect(await checkEmailVerificationToken(token)).toBe('valid');

    expect(await verifyEmail(token)).toEqual({ ok: true });
    expect(await verifiedAt(user.email)).not.toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: false, reason: 'INVALID' });
    expect(await checkEmailVerificationToken(token)).toBe('invalid');
  });

  it('changes nothing for an address that has an account, and names its owner for the notice', async () => {
    const { user } = await registered('taken');
    const again = await registerUser({ email: user.email, name: 'Someone Else', password: 'an attacker’s password' });
    expect(again).toEqual({ kind: 'taken', email: user.email, name: 'New Volunteer' });
    expect(await verifyCredentials(user.email, 'an attacker’s password')).toBeNull();
    expect(await verifyCredentials(user.email, 'a long enough password')).not.toBeNull();
  });

  it('tells no one about a disabled account', async () => {
    const { user } = await registered('disabled');
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await registerUser({ email: user.email, name: 'X', password: 'a long enough password' })).toEqual({ kind: 'disabled' });
  });

  it('refuses an expired link and uses it up', async () => {
    const { user, token } = await registered('expired');
    await db.verificationToken.update({ where: { token: sha256(token) }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await checkEmailVerificationToken(token)).toBe('expired');
    expect(await verifyEmail(token)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(await verifiedAt(user.email)).toBeNull();
  });
});

describe('a new link for the signed-in user', () => {
  it('replaces the earlier one while unverified, and is not offered once verified', async () => {
    const { user, token: first } = await registered('resend');
    expect(await as(user, () => getMyEmailVerification())).toEqual({ email: user.email, verified: false });
    const second = (await as(user, () => createMyVerificationToken()))!;
    expect(second.email).toBe(user.email);
    expect(await checkEmailVerificationToken(first)).toBe('invalid');
    expect(await verifyEmail(second.token)).toEqual({ ok: true });
    expect(await as(user, () => createMyVerificationToken())).toBeNull();
    expect(await as(user, () => getMyEmailVerification())).toEqual({ email: user.email, verified: true });
  });
});

describe('claiming work', () => {
  it('is refused to an unverified volunteer with a message, and allowed once the address is verified', async () => {
    const post = await createEnglishPost();
    const { user, token } = await registered('claimer');
    await expect(as(user, () => claimPost(post.id, 'zh'))).rejects.toMatchObject({ code: 'emailUnverified' });
    const form = new FormData();
    form.set('postId', post.id);
    form.set('locale', 'zh');
    expect(await as(user, () => claimPostAction('en', null, form))).toEqual({ ok: false, error: 'Translate.errors.emailUnverified' });
    expect(await db.translationDraft.count({ where: { postId: post.id } })).toBe(0);

    await verifyEmail(token);
    expect(await as(user, () => claimPost(post.id, 'zh'))).toMatchObject({ draftId: expect.any(String) });
  });

  it('refuses an unverified volunteer an update before anything else is looked at', async () => {
    const post = await createEnglishPost();
    const { user } = await registered('updater');
    await expect(as(user, () => startUpdate(post.id, 'zh'))).rejects.toMatchObject({ code: 'emailUnverified' });
    const verified = await createUser('VOLUNTEER', 'Vera');
    await expect(as(verified, () => startUpdate(post.id, 'zh'))).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('addresses someone vouched for', () => {
  it('count as verified for accounts the operator creates', async () => {
    const email = newEmail('operator');
    await upsertUserAsOperator({ email, role: 'REVIEWER', initialPassword: 'an initial password' }, { kind: 'operator' });
    expect(await verifiedAt(email)).not.toBeNull();
  });

  it('count as verified when the OAuth provider says so at sign-in, and only then', async () => {
    const signIn = (id: string, email: string, emailVerified: boolean) =>
      authOptions.callbacks!.jwt!({
        token: { sub: id },
        user: { id, email },
        account: { type: 'oauth', provider: 'huggingface', providerAccountId: id },
        profile: { sub: id, email, email_verified: emailVerified } as never,
        trigger: 'signIn',
      });
    for (const vouched of [true, false]) {
      const email = newEmail(`oauth-${vouched}`);
      const user = await db.user.create({ data: { email, name: 'From OAuth' }, select: { id: true } });
      await signIn(user.id, email, vouched);
      expect(Boolean(await verifiedAt(email))).toBe(vouched);
    }
  });
});
