import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('./session-mock').then((m) => m.sessionMock));

import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth';
import { listAuditEntries } from '@/lib/dal/audit';
import { changeUserRole, listUsers, setUserDisabled, verifyCredentials } from '@/lib/dal/users';
import { changeUserRoleAction, setUserDisabledAction } from '@/lib/actions/users';
import { as, makeUser, setAsideOtherAdmins, uniqueEmail, userRow } from './support';

const auditFor = (targetId: string) =>
  db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { actorId: true, action: true, targetType: true, data: true } });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe('credentials', () => {
  it('signs in the right password only, and never a disabled account', async () => {
    const user = await makeUser();
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ id: user.id, role: 'VOLUNTEER', sessionVersion: 0 });
    expect(await verifyCredentials(user.email, 'wrong password')).toBeNull();
    expect(await verifyCredentials(uniqueEmail('unknown'), user.password)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(user.email, user.password)).toBeNull();
  });

  it('takes as long for an unknown address as for a wrong password', async () => {
    const user = await makeUser();
    const time = async (email: string) => {
      const start = performance.now();
      await verifyCredentials(email, 'wrong password');
      return performance.now() - start;
    };
    await time(uniqueEmail('warm-up'));
    const median = async (email: () => string) => {
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await time(email()));
      return runs.sort((a, b) => a - b)[2]!;
    };
    const known = await median(() => user.email);
    const unknown = await median(() => uniqueEmail('unknown'));
    // Both verify one argon2id hash; without the dummy hash the unknown case would take ~1 ms.
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeLessThan(known * 2);
  });
});

describe('roles', () => {
  it('lets an admin promote, with an audit row and the session left alone', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    expect(await as(admin, () => changeUserRole(user.id, 'REVIEWER'))).toEqual({ ok: true });
    expect(await userRow(user.id)).toMatchObject({ role: 'REVIEWER', sessionVersion: 0 });
    expect(await auditFor(user.id)).toEqual([
      { actorId: admin.id, action: 'user.role', targetType: 'User', data: { from: 'VOLUNTEER', to: 'REVIEWER' } },
    ]);
  });

  it('ends the sessions of a demoted user', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser('REVIEWER');
    expect(await as(admin, () => changeUserRole(user.id, 'VOLUNTEER'))).toEqual({ ok: true });
    expect(await userRow(user.id)).toMatchObject({ role: 'VOLUNTEER', sessionVersion: 1 });
    expect((await auditFor(user.id))[0]).toMatchObject({ data: { from: 'REVIEWER', to: 'VOLUNTEER' } });
  });

  it('writes nothing when the role does not change', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    expect(await as(admin, () => changeUserRole(user.id, 'VOLUNTEER'))).toEqual({ ok: true });
    expect(await auditFor(user.id)).toEqual([]);
  });

  it('refuses volunteers, reviewers and visitors, changing nothing', async () => {
    const target = await makeUser();
    for (const actor of [await makeUser('VOLUNTEER'), await makeUser('REVIEWER')]) {
      await expect(as(actor, () => changeUserRole(target.id, 'ADMIN'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(as(actor, () => setUserDisabled(target.id, true))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(as(null, () => changeUserRole(target.id, 'ADMIN'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(as(null, () => listUsers({ q: '', page: 1 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await userRow(target.id)).toMatchObject({ role: 'VOLUNTEER', disabledAt: null });
    expect(await auditFor(target.id)).toEqual([]);
  });

  it('answers a volunteer who posts the server actions directly with FORBIDDEN, and does nothing', async () => {
    const volunteer = await makeUser();
    const target = await makeUser();
    const roleResult = await as(volunteer, () => changeUserRoleAction(null, form({ userId: volunteer.id, role: 'ADMIN' })));
    expect(roleResult).toEqual({ ok: false, formError: 'FormErrors.forbidden' });
    const disableResult = await as(volunteer, () => setUserDisabledAction(null, form({ userId: target.id, disabled: 'true' })));
    expect(disableResult).toEqual({ ok: false, formError: 'FormErrors.forbidden' });
    expect(await as(null, () => changeUserRoleAction(null, form({ userId: target.id, role: 'ADMIN' })))).toEqual({
      ok: false,
      formError: 'FormErrors.unauthenticated',
    });
    expect((await userRow(volunteer.id)).role).toBe('VOLUNTEER');
    expect((await userRow(target.id)).disabledAt).toBeNull();
  });

  it('turns invalid input into field errors before touching anything', async () => {
    const admin = await makeUser('ADMIN');
    const result = await as(admin, () => changeUserRoleAction(null, form({ userId: admin.id, role: 'OWNER' })));
    expect(result).toEqual({ ok: false, fieldErrors: { role: ['FormErrors.roleInvalid'] }, values: { userId: admin.id, role: 'OWNER' } });
  });
});

describe('disabling', () => {
  it('ends the sessions at once, and enabling lets the user back in, both audited', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    expect(await as(admin, () => setUserDisabled(user.id, true))).toEqual({ ok: true });
    const disabled = await userRow(user.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(1);
    expect(await verifyCredentials(user.email, user.password)).toBeNull();
    expect(await as(admin, () => setUserDisabled(user.id, false))).toEqual({ ok: true });
    expect(await userRow(user.id)).toMatchObject({ disabledAt: null, sessionVersion: 1 });
    expect(await verifyCredentials(user.email, user.password)).not.toBeNull();
    expect(await auditFor(user.id)).toEqual([
      { actorId: admin.id, action: 'user.disable', targetType: 'User', data: { from: 'ACTIVE', to: 'DISABLED' } },
      { actorId: admin.id, action: 'user.enable', targetType: 'User', data: { from: 'DISABLED', to: 'ACTIVE' } },
    ]);
  });
});

describe('the session callback re-reads the user on every request', () => {
  const jwt = (token: Record<string, unknown>) => authOptions.callbacks!.jwt!({ token, user: undefined as never, account: null });
  const signIn = (userId: string) => authOptions.callbacks!.jwt!({ token: { sub: userId }, user: { id: userId }, account: null, trigger: 'signIn' });

  it('shows a promotion at once and ends the session on demotion', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    const token = await signIn(user.id);
    expect(token).toMatchObject({ sub: user.id, role: 'VOLUNTEER', sessionVersion: 0 });
    await as(admin, () => changeUserRole(user.id, 'REVIEWER'));
    expect(await jwt(token)).toMatchObject({ role: 'REVIEWER' });
    await as(admin, () => changeUserRole(user.id, 'VOLUNTEER'));
    await expect(jwt(token)).rejects.toThrow('SESSION_REVOKED');
  });

  it('ends the session of a disabled or deleted user', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    const token = await signIn(user.id);
    expect(await jwt(token)).toMatchObject({ role: 'VOLUNTEER' });
    await as(admin, () => setUserDisabled(user.id, true));
    await expect(jwt(token)).rejects.toThrow('SESSION_REVOKED');
    await expect(jwt({ sub: 'no-such-user', sessionVersion: 0 })).rejects.toThrow('SESSION_REVOKED');
  });

  it('exposes id and role in the session', async () => {
    const session = await authOptions.callbacks!.session!({
      session: { expires: 'soon', user: { name: 'x' } },
      token: { sub: 'u1', role: 'REVIEWER', name: 'Ada', email: 'ada@example.org' },
    } as never);
    expect(session.user).toEqual({ id: 'u1', role: 'REVIEWER', name: 'Ada', email: 'ada@example.org', image: null });
  });
});

describe('the last active admin', () => {
  let restore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  it('cannot be demoted or disabled, even by themselves', async () => {
    const admin = await makeUser('ADMIN');
    restore = await setAsideOtherAdmins([admin.id]);
    expect(await as(admin, () => changeUserRole(admin.id, 'REVIEWER'))).toEqual({ ok: false, reason: 'LAST_ADMIN' });
    expect(await as(admin, () => setUserDisabled(admin.id, true))).toEqual({ ok: false, reason: 'LAST_ADMIN' });
    expect(await userRow(admin.id)).toMatchObject({ role: 'ADMIN', disabledAt: null });
  });

  it('survives two admins demoting each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await makeUser('ADMIN');
      const b = await makeUser('ADMIN');
      restore = await setAsideOtherAdmins([a.id, b.id]);
      const results = await Promise.allSettled([
        as(a, () => changeUserRole(b.id, 'VOLUNTEER')),
        as(b, () => changeUserRole(a.id, 'VOLUNTEER')),
      ]);
      const succeeded = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
      expect(succeeded, `round ${round}`).toHaveLength(1);
      // The loser either saw one admin left or had already lost the right to act.
      for (const r of results.filter((x) => !(x.status === 'fulfilled' && x.value.ok))) {
        if (r.status === 'fulfilled') expect(r.value).toEqual({ ok: false, reason: 'LAST_ADMIN' });
        else expect(r.reason).toMatchObject({ code: 'FORBIDDEN' });
      }
      const admins = await db.user.count({ where: { id: { in: [a.id, b.id] }, role: 'ADMIN', disabledAt: null } });
      expect(admins).toBe(1);
      await restore();
      restore = undefined;
    }
  });

  it('survives two admins disabling each other at the same moment', async () => {
    const a = await makeUser('ADMIN');
    const b = await makeUser('ADMIN');
    restore = await setAsideOtherAdmins([a.id, b.id]);
    await Promise.allSettled([as(a, () => setUserDisabled(b.id, true)), as(b, () => setUserDisabled(a.id, true))]);
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: 'ADMIN', disabledAt: null } })).toBe(1);
  });

  it('can step down once there is another admin', async () => {
    const a = await makeUser('ADMIN');
    const b = await makeUser('ADMIN');
    restore = await setAsideOtherAdmins([a.id, b.id]);
    expect(await as(a, () => changeUserRole(a.id, 'REVIEWER'))).toEqual({ ok: true });
    expect(await as(b, () => changeUserRole(b.id, 'REVIEWER'))).toEqual({ ok: false, reason: 'LAST_ADMIN' });
  });
});

describe('admin listings', () => {
  it('searches users by email or name, paginated', async () => {
    const admin = await makeUser('ADMIN');
    const marker = `needle${Date.now()}`;
    await db.user.create({ data: { email: uniqueEmail(marker), name: 'Someone' } });
    await db.user.create({ data: { email: uniqueEmail('plain'), name: `Name ${marker.toUpperCase()}` } });
    const found = await as(admin, () => listUsers({ q: marker, page: 1 }));
    expect(found.total).toBe(2);
    expect(found.items.every((u) => !('passwordHash' in u))).toBe(true);
  });

  it('lists the audit log newest first, filtered by action, for admins only', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser();
    await as(admin, () => changeUserRole(user.id, 'REVIEWER'));
    await as(admin, () => setUserDisabled(user.id, true));
    const all = await as(admin, () => listAuditEntries({ page: 1 }));
    const mine = all.items.filter((e) => e.targetId === user.id);
    expect(mine.map((e) => e.action)).toEqual(['user.disable', 'user.role']);
    expect(mine[0]).toMatchObject({ targetLabel: user.email, actor: { id: admin.id, email: admin.email } });
    const roles = await as(admin, () => listAuditEntries({ action: 'user.role', page: 1 }));
    expect(roles.items.every((e) => e.action === 'user.role')).toBe(true);
    expect(roles.actions).toEqual(expect.arrayContaining(['user.role', 'user.disable']));
    await expect(as(user, () => listAuditEntries({ page: 1 }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
