// Integration tests call the DAL as a given user. The real session comes from next-auth's
// cookie, which needs a request; these tests swap lib/dal/session for this stand-in (the
// database itself is never mocked):
//   vi.mock('@/lib/dal/session', () => import('./session-mock').then((m) => m.sessionMock));
// It imports no application module: those import lib/dal/session, which is this file.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CurrentUser, Role } from '@/lib/dal/session';

const acting = new AsyncLocalStorage<CurrentUser | null>();
const RANK: Record<Role, number> = { VOLUNTEER: 0, REVIEWER: 1, ADMIN: 2 };

class AuthError extends Error {
  constructor(readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN') {
    super(code);
  }
}

export const sessionMock = {
  AuthError,
  hasRole: (user: Pick<CurrentUser, 'role'>, role: Role) => RANK[user.role] >= RANK[role],
  getCurrentUser: async () => acting.getStore() ?? null,
  async requireUser() {
    const user = acting.getStore();
    if (!user) throw new AuthError('UNAUTHENTICATED');
    return user;
  },
  async requireRole(role: Role) {
    const user = await sessionMock.requireUser();
    if (!sessionMock.hasRole(user, role)) throw new AuthError('FORBIDDEN');
    return user;
  },
};

/** Runs `fn` as `user` (null: a visitor). */
export function as<T>(user: CurrentUser | null, fn: () => Promise<T>): Promise<T> {
  return acting.run(user, fn);
}

