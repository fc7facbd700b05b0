import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  clearRateLimit,
  consumeLoginAttempt,
  hitRateLimit,
  LOGIN_LIMITS,
  recordLoginSuccess,
} from '@/lib/dal/rate-limit';
import { uniqueEmail } from './support';

const key = (label: string) => `test:${label}:${randomUUID()}`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

async function expireWindow(k: string) {
  await db.rateLimit.update({ where: { key: k }, data: { resetAt: new Date(Date.now() - 1000) } });
}

describe('fixed-window counters in PostgreSQL', () => {
  it('counts hits in a window and tells how long until it ends', async () => {
    const k = key('count');
    expect(await hitRateLimit(k, 900)).toEqual({ count: 1, retryAfterSeconds: 900 });
    const second = await hitRateLimit(k, 900);
    expect(second.count).toBe(2);
    expect(second.retryAfterSeconds).toBeGreaterThan(890);
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it('starts again from one once the window has passed', async () => {
    const k = key('window');
    for (let i = 0; i < 3; i++) await hitRateLimit(k, 900);
    await expireWindow(k);
    expect((await hitRateLimit(k, 900)).count).toBe(1);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: k } });
    expect(row.resetAt.getTime()).toBeGreaterThan(Date.now() + 890_000);
  });

  it('loses no hit when many arrive at once (one atomic statement)', async () => {
    const k = key('concurrent');
    const counts = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(k, 900)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: k } })).count).toBe(40);
  });

  it('clears a key', async () => {
    const k = key('clear');
    await hitRateLimit(k, 900);
    await clearRateLimit(k);
    expect(await db.rateLimit.findUnique({ where: { key: k } })).toBeNull();
  });
});

describe('sign-in attempts', () => {
  it(`allows ${LOGIN_LIMITS.account.limit} attempts per account, then refuses until the window ends`, async () => {
    const email = uniqueEmail('limit');
    const address = ip();
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      expect(await consumeLoginAttempt({ email, ip: address })).toEqual({ allowed: true });
    }
    const refused = await consumeLoginAttempt({ email, ip: address });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.account.windowSeconds - 30);
    // Another address does not help: the account is what is being guessed.
    expect((await consumeLoginAttempt({ email, ip: ip() })).allowed).toBe(false);
    // Another account from the same address still may.
    expect((await consumeLoginAttempt({ email: uniqueEmail('other'), ip: address })).allowed).toBe(true);
    await expireWindow(`login:account:${email}`);
    expect((await consumeLoginAttempt({ email, ip: ip() })).allowed).toBe(true);
  });

  it(`allows ${LOGIN_LIMITS.ip.limit} attempts per address across accounts`, async () => {
    const address = ip();
    for (let i = 0; i < LOGIN_LIMITS.ip.limit; i++) {
      expect((await consumeLoginAttempt({ email: uniqueEmail('spray'), ip: address })).allowed).toBe(true);
    }
    expect((await consumeLoginAttempt({ email: uniqueEmail('spray'), ip: address })).allowed).toBe(false);
  });

  it('lets exactly the limit through when attempts arrive in parallel', async () => {
    const email = uniqueEmail('burst');
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeLoginAttempt({ email, ip: ip() })));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(LOGIN_LIMITS.account.limit);
  });

  it('forgets an account’s failures after a successful sign-in, and gives the address its attempt back', async () => {
    const email = uniqueEmail('success');
    const address = ip();
    for (let i = 0; i < 4; i++) await consumeLoginAttempt({ email, ip: address });
    await recordLoginSuccess({ email, ip: address });
    expect(await db.rateLimit.findUnique({ where: { key: `login:account:${email}` } })).toBeNull();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `login:ip:${address}` } })).count).toBe(3);
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) expect((await consumeLoginAttempt({ email, ip: ip() })).allowed).toBe(true);
  });
});
