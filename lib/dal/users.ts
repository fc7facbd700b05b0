import 'server-only';
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { Adapter } from 'next-auth/adapters';
import { db } from '@/lib/db';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { AuthError, hasRole, requireRole, requireUser } from '@/lib/dal/session';
import { writeAudit } from '@/lib/dal/audit';

export const USERS_PAGE_SIZE = 20;
// argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export type SessionUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number };
export type UserListItem = { id: string; email: string; name: string | null; role: Role; disabled: boolean; createdAt: string };
export type AdminChangeResult = { ok: true } | { ok: false; reason: 'NOT_FOUND' | 'LAST_ADMIN' };
/** The operator at the command line (scripts/user-create.ts), who needs no session. */
export type OperatorActor = { kind: 'operator' };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Unknown addresses are checked against this hash, so they take as long as wrong passwords.
let dummyHash: Promise<string> | undefined;

/** The user whose email and password these are, if active; null in every other case, in equal time. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const fallback = (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, passwordHash: true, disabledAt: true },
  });
  const matches = await passwordMatches(user?.passwordHash ?? (await fallback), password);
  if (!user?.passwordHash || !matches || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** next-auth's adapter, for OAuth sign-ins (users and linked accounts). */
export function createAuthAdapter(): Adapter {
  // @auth/prisma-adapter types the Auth.js v5 adapter; the methods next-auth 4 calls are the same.
  return PrismaAdapter(db as never) as unknown as Adapter;
}

export async function getOwnAccount() {
  const me = await requireUser();
  const user = await db.user.findUnique({
    where: { id: me.id },
    select: { id: true, email: true, name: true, role: true, createdAt: true, passwordHash: true, emailVerified: true },
  });
  if (!user) throw new AuthError('UNAUTHENTICATED');
  const { passwordHash, createdAt, emailVerified, ...rest } = user;
  return { ...rest, createdAt: createdAt.toISOString(), hasPassword: passwordHash !== null, emailVerified: emailVerified !== null };
}

/** Changes the signed-in user's password and ends every session they hold, this one included. */
export async function changeOwnPassword(current: string, next: string) {
  const me = await requireUser();
  const user = await db.user.findUnique({ where: { id: me.id }, select: { passwordHash: true } });
  if (!user) throw new AuthError('UNAUTHENTICATED');
  if (user.passwordHash && !(await passwordMatches(user.passwordHash, current))) return { ok: false, reason: 'WRONG_PASSWORD' } as const;
  await db.user.update({
    where: { id: me.id },
    data: { passwordHash: await hashPassword(next), sessionVersion: { increment: 1 } },
    select: { id: true },
  });
  return { ok: true } as const;
}

// ---------------------------------------------------------------- administration

export async function listUsers({ q, page }: { q: string; page: number }) {
  await requireRole('ADMIN');
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] }
    : {};
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
    }),
  ]);
  const items: UserListItem[] = rows.map(({ disabledAt, createdAt, ...u }) => ({ ...u, disabled: disabledAt !== null, createdAt: createdAt.toISOString() }));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

type Tx = Prisma.TransactionClient;
type LockedUser = { id: string; role: Role; disabled: boolean };

/**
 * Locks every active admin row (in id order, so two of these never deadlock) and then the
 * target. Counting the admins under these locks is what keeps two admins who demote each
 * other at the same moment from leaving none: the second waits, then sees one admin left.
 */
async function lockForAdminChange(tx: Tx, targetId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  const rows = await tx.$queryRaw<{ id: string; role: Role; disabled: boolean }[]>`
    SELECT "id", "role"::text AS "role", ("disabledAt" IS NOT NULL) AS "disabled" FROM "User" WHERE "id" = ${targetId} FOR UPDATE`;
  return { adminIds: admins.map((a) => a.id), target: (rows[0] ?? null) as LockedUser | null };
}

const isLastActiveAdmin = (target: LockedUser, adminIds: string[]) =>
  target.role === 'ADMIN' && !target.disabled && adminIds.length <= 1;

async function applyRoleChange(tx: Tx, targetId: string, role: Role, actorId: string | null): Promise<AdminChangeResult> {
  const { adminIds, target } = await lockForAdminChange(tx, targetId);
  // The actor's own rights are checked again under the lock: an admin demoted a moment ago
  // must not get one more change through.
  if (actorId !== null && !adminIds.includes(actorId)) throw new AuthError('FORBIDDEN');
  if (!target) return { ok: false, reason: 'NOT_FOUND' };
  if (target.role === role) return { ok: true };
  if (role !== 'ADMIN' && isLastActiveAdmin(target, adminIds)) return { ok: false, reason: 'LAST_ADMIN' };
  const demotion = !hasRole({ role }, target.role);
  await tx.user.update({
    where: { id: targetId },
    data: { role, ...(demotion ? { sessionVersion: { increment: 1 } } : {}) },
    select: { id: true },
  });
  await writeAudit(tx, { actorId, action: 'user.role', targetType: 'User', targetId, data: { from: target.role, to: role } });
  return { ok: true };
}

export async function changeUserRole(targetId: string, role: Role): Promise<AdminChangeResult> {
  const actor = await requireRole('ADMIN');
  return db.$transaction((tx) => applyRoleChange(tx, targetId, role, actor.id));
}

/** Disabling ends the user's sessions at once; enabling lets them sign in again. */
export async function setUserDisabled(targetId: string, disabled: boolean): Promise<AdminChangeResult> {
  const actor = await requireRole('ADMIN');
  return db.$transaction(async (tx) => {
    const { adminIds, target } = await lockForAdminChange(tx, targetId);
    if (!adminIds.includes(actor.id)) throw new AuthError('FORBIDDEN');
    if (!target) return { ok: false, reason: 'NOT_FOUND' } as const;
    if (target.disabled === disabled) return { ok: true } as const;
    if (disabled && isLastActiveAdmin(target, adminIds)) return { ok: false, reason: 'LAST_ADMIN' } as const;
    await tx.user.update({
      where: { id: targetId },
      data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: { id: true },
    });
    const [from, to] = disabled ? ['ACTIVE', 'DISABLED'] : ['DISABLED', 'ACTIVE'];
    await writeAudit(tx, { actorId: actor.id, action: disabled ? 'user.disable' : 'user.enable', targetType: 'User', targetId, data: { from, to } });
    return { ok: true } as const;
  });
}

/**
 * Creates a user or, for an existing email, sets its role (and password when given). For the
 * operator's command line only; role changes are audited with no actor. `initialPassword` is
 * used only when the user is created without `password`.
 */
export async function upsertUserAsOperator(
  input: { email: string; role: Role; name?: string; password?: string; initialPassword: string },
  _actor: OperatorActor,
): Promise<{ ok: true; created: boolean } | { ok: false; reason: 'LAST_ADMIN' }> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const initialHash = passwordHash ?? (await hashPassword(input.initialPassword));
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!existing) {
      const user = await tx.user.create({
        // The operator names the address, so it counts as verified.
        data: { email: input.email, name: input.name ?? null, role: input.role, passwordHash: initialHash, emailVerified: new Date() },
        select: { id: true },
      });
      await writeAudit(tx, { actorId: null, action: 'user.role', targetType: 'User', targetId: user.id, data: { from: null, to: input.role } });
      return { ok: true, created: true } as const;
    }
    const changed = await applyRoleChange(tx, existing.id, input.role, null);
    if (!changed.ok) return { ok: false, reason: 'LAST_ADMIN' } as const;
    if (passwordHash || input.name) {
      await tx.user.update({
        where: { id: existing.id },
        data: {
          ...(input.name ? { name: input.name } : {}),
          ...(passwordHash ? { passwordHash, sessionVersion: { increment: 1 } } : {}),
        },
        select: { id: true },
      });
    }
    return { ok: true, created: false } as const;
  });
}
