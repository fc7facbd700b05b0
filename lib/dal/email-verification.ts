import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/dal/users';
import { requireUser } from '@/lib/dal/session';
import { issueToken, spendToken, tokenState, type TokenState } from '@/lib/dal/tokens';

const VERIFY_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

/** Whom to mail after a registration: the new account's link, or the owner of a taken address. */
export type Registration =
  | { kind: 'created'; email: string; name: string | null; token: string }
  | { kind: 'taken'; email: string; name: string | null }
  | { kind: 'disabled' };

/**
 * Creates an unverified volunteer with its verification token, in one transaction. An address
 * that has an account changes nothing: the caller tells its owner instead, so that the answer to
 * the visitor is the same either way. The password is hashed in both cases, for equal time.
 */
export async function registerUser(input: { email: string; name: string; password: string }): Promise<Registration> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: 'VOLUNTEER' },
        select: { id: true, email: true, name: true },
      });
      const token = await issueToken('verify', user.id, VERIFY_TOKEN_TTL_MS, tx);
      return { kind: 'created', email: user.email, name: user.name, token } as const;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
  }
  const owner = await db.user.findUnique({ where: { email: input.email }, select: { email: true, name: true, disabledAt: true } });
  return owner && !owner.disabledAt ? { kind: 'taken', email: owner.email, name: owner.name } : { kind: 'disabled' };
}

/** The signed-in user's address and whether it is verified (the dashboard's and account page's notice). */
export async function getMyEmailVerification(): Promise<{ email: string; verified: boolean }> {
  const me = await requireUser();
  const user = await db.user.findUnique({ where: { id: me.id }, select: { email: true, emailVerified: true } });
  return { email: user?.email ?? me.email, verified: Boolean(user?.emailVerified) };
}

/** A new link for the signed-in user (earlier ones stop working); null when already verified. */
export async function createMyVerificationToken(): Promise<{ token: string; email: string; name: string | null } | null> {
  const me = await requireUser();
  const user = await db.user.findUnique({ where: { id: me.id }, select: { email: true, name: true, emailVerified: true, disabledAt: true } });
  if (!user || user.emailVerified || user.disabledAt) return null;
  const token = await issueToken('verify', me.id, VERIFY_TOKEN_TTL_MS);
  return { token, email: user.email, name: user.name };
}

export function checkEmailVerificationToken(token: string): Promise<TokenState> {
  return tokenState('verify', token);
}

/** Uses up a verification token and marks its user's address verified. */
export async function verifyEmail(token: string): Promise<{ ok: true } | { ok: false; reason: 'INVALID' | 'EXPIRED' }> {
  return db.$transaction(async (tx) => {
    const spent = await spendToken(tx, 'verify', token);
    if (!spent.ok) return spent;
    await tx.user.updateMany({ where: { id: spent.userId, emailVerified: null }, data: { emailVerified: new Date() } });
    return { ok: true } as const;
  });
}

/** An address an OAuth provider says it has verified (lib/auth.ts, at sign-in). */
export async function markEmailVerified(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: new Date() } });
}

/** Whether `userId` may take on work: only an owner who proved the address is theirs. */
export async function hasVerifiedEmail(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return Boolean(user?.emailVerified);
}
