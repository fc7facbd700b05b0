import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';

export type Role = 'VOLUNTEER' | 'REVIEWER' | 'ADMIN';
export type CurrentUser = { id: string; role: Role; name: string | null; email: string };

const RANK: Record<Role, number> = { VOLUNTEER: 0, REVIEWER: 1, ADMIN: 2 };

/** Thrown by the data-access layer; actions turn it into a localized message, pages into 404/redirects. */
export class AuthError extends Error {
  constructor(readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN') {
    super(code);
  }
}

/**
 * The signed-in user, re-validated against the database by the session callback on every
 * request (role changes and disabled accounts take effect at once), or null.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id || !user.role || !user.email) return null;
  return { id: user.id, role: user.role, name: user.name ?? null, email: user.email };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError('UNAUTHENTICATED');
  return user;
}

export function hasRole(user: Pick<CurrentUser, 'role'>, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) throw new AuthError('FORBIDDEN');
  return user;
}
