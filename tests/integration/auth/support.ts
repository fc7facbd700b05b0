// Helpers for the accounts and roles integration tests (see session-mock.ts for acting as a user).
import { randomUUID } from 'node:crypto';
import type { CurrentUser, Role } from '@/lib/dal/session';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/dal/users';

export { as } from './session-mock';

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;

export type TestUser = CurrentUser & { password: string };

/** A user straight in the database (the DAL's own creation paths are tested separately). */
export async function makeUser(role: Role = 'VOLUNTEER', password = 'a long test password'): Promise<TestUser> {
  const email = uniqueEmail(role.toLowerCase());
  const user = await db.user.create({
    data: { email, name: `Test ${role}`, role, passwordHash: await hashPassword(password), emailVerified: new Date() },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password };
}

export async function userRow(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { role: true, sessionVersion: true, disabledAt: true, passwordHash: true } });
}

/**
 * The last-admin rule counts every active admin in the (shared) database. Tests of that rule
 * set aside the admins other tests made, for their own duration, and put them back after.
 */
export async function setAsideOtherAdmins(keep: string[]): Promise<() => Promise<void>> {
  const others = await db.user.findMany({
    where: { role: 'ADMIN', disabledAt: null, id: { notIn: keep } },
    select: { id: true },
  });
  const ids = others.map((o) => o.id);
  if (ids.length) await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } });
  return async () => {
    if (ids.length) await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: null } });
  };
}
