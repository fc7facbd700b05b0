import 'server-only';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/dal/users';
import { clearLoginFailures } from '@/lib/dal/rate-limit';
import { issueToken, spendToken, tokenState, type TokenState } from '@/lib/dal/tokens';

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export type ResetTokenState = TokenState;

/**
 * A new single-use reset token for an active account (null otherwise). Only its SHA-256 is
 * stored; earlier tokens for the same user stop working.
 */
export async function createPasswordResetToken(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  const token = await issueToken('reset', user.id, RESET_TOKEN_TTL_MS);
  return { token, email: user.email, name: user.name };
}

export function checkPasswordResetToken(token: string): Promise<ResetTokenState> {
  return tokenState('reset', token);
}

/**
 * Sets a new password with a reset token, which is used up; every session of the user ends.
 * Following the mailed link also proves the address is theirs.
 */
export async function resetPassword(token: string, password: string): Promise<{ ok: true } | { ok: false; reason: 'INVALID' | 'EXPIRED' }> {
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const spent = await spendToken(tx, 'reset', token);
    if (!spent.ok) return spent;
    const user = await tx.user.update({
      where: { id: spent.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true, emailVerified: true },
    });
    if (!user.emailVerified) await tx.user.update({ where: { id: spent.userId }, data: { emailVerified: new Date() }, select: { id: true } });
    return { ok: true, email: user.email } as const;
  });
  if (!result.ok) return result;
  // Whoever proved they own the mailbox may sign in at once, even after a lock-out.
  await clearLoginFailures(result.email);
  return { ok: true };
}
