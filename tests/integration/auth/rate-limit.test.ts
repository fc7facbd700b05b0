import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  allowRegistration,
  clearRateLimit,
  consumeLoginAttempt,
  hitRateLimit,
  LOGIN_LIMITS,
  recordLoginSuccess,
  REGISTER_LIMIT,
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

const { pair: PAIR, account: ACCOUNT } = LOGIN_LIMITS;

/** `count` attempts on the account, each from an address of its own. */
async function fromManyAddresses(email: string, count: number) {
  const verdicts = [];
  for (let i = 0; i < count; i++) verdicts.push(await consumeLoginAttempt({ email, ip: ip() }));
  return verdicts;
}

describe('sign-in attempts per account and address', () => {
  it(`allows ${PAIR.limit} attempts, then refuses that address until the window ends`, async () => {
    const email = uniqueEmail('limit');
    const address = ip();
    for (let i = 0; i < PAIR.limit; i++) {
      expect(await consumeLoginAttempt({ email, ip: address })).toEqual({ allowed: true });
    }
    const refused = await consumeLoginAttempt({ email, ip: address });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(PAIR.windowSeconds - 30);
    // Another account from the same address still may.
    expect((await consumeLoginAttempt({ email: uniqueEmail('other'), ip: address })).allowed).toBe(true);
    await expireWindow(`login:pair:${email}|${address}`);
    expect((await consumeLoginAttempt({ email, ip: address })).allowed).toBe(true);
  });

  it('never locks the owner out: a stranger’s failures from another address leave their own alone', async () => {
    const email = uniqueEmail('victim');
    const stranger = ip();
    for (let i = 0; i < PAIR.limit * 3; i++) await consumeLoginAttempt({ email, ip: stranger });
    expect((await consumeLoginAttempt({ email, ip: stranger })).allowed).toBe(false);
    expect(await consumeLoginAttempt({ email, ip: ip() })).toEqual({ allowed: true });
  });

  it('lets exactly the limit through when one address sends attempts in parallel', async () => {
    const email = uniqueEmail('burst');
    const address = ip();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeLoginAttempt({ email, ip: address })));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(PAIR.limit);
  });
});

describe('sign-in attempts per address', () => {
  it(`allows ${LOGIN_LIMITS.ip.limit} attempts per address across accounts`, async () => {
    const address = ip();
    for (let i = 0; i < LOGIN_LIMITS.ip.limit; i++) {
      expect((await consumeLoginAttempt({ email: uniqueEmail('spray'), ip: address })).allowed).toBe(true);
    }
    expect((await consumeLoginAttempt({ email: uniqueEmail('spray'), ip: address })).allowed).toBe(false);
  });
});

describe('sign-in attempts per account, from many addresses', () => {
  const turnKey = (email: string) => `login:account-turn:${email}`;

  it(`lets ${ACCOUNT.free} through at once, then makes each wait, twice as long as the one before`, async () => {
    const email = uniqueEmail('distributed');
    expect((await fromManyAddresses(email, ACCOUNT.free + 1)).every((v) => v.allowed)).toBe(true);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await consumeLoginAttempt({ email, ip: ip() });
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) waits.push(refused.retryAfterSeconds);
      // The wait is over (without sleeping through it): the next attempt goes through.
      await expireWindow(turnKey(email));
      expect((await consumeLoginAttempt({ email, ip: ip() })).allowed).toBe(true);
    }
    expect(waits).toEqual([ACCOUNT.firstDelaySeconds, ACCOUNT.firstDelaySeconds * 2, ACCOUNT.firstDelaySeconds * 4]);
  });

  it('gives the turn to one attempt only when many arrive at once', async () => {
    const email = uniqueEmail('parallel');
    await fromManyAddresses(email, ACCOUNT.free);
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => consumeLoginAttempt({ email, ip: ip() })));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(1);
  });

  it('spares the addresses the owner signed in from, so a distributed guesser cannot lock them out', async () => {
    const email = uniqueEmail('owner');
    const home = ip();
    expect((await consumeLoginAttempt({ email, ip: home })).allowed).toBe(true);
    await recordLoginSuccess({ email, ip: home });
    await fromManyAddresses(email, ACCOUNT.free + 5);
    expect((await consumeLoginAttempt({ email, ip: ip() })).allowed).toBe(false);
    expect(await consumeLoginAttempt({ email, ip: home })).toEqual({ allowed: true });
  });
});

describe('a successful sign-in', () => {
  it('forgets the failures of the account and the pair, and gives the address its attempt back', async () => {
    const email = uniqueEmail('success');
    const address = ip();
    for (let i = 0; i < PAIR.limit - 1; i++) await consumeLoginAttempt({ email, ip: address });
    await recordLoginSuccess({ email, ip: address });
    expect(await db.rateLimit.findUnique({ where: { key: `login:pair:${email}|${address}` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `login:account:${email}` } })).toBeNull();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `login:ip:${address}` } })).count).toBe(PAIR.limit - 2);
    for (let i = 0; i < PAIR.limit; i++) expect((await consumeLoginAttempt({ email, ip: address })).allowed).toBe(true);
  });
});

describe('registration', () => {
  it(`allows ${REGISTER_LIMIT.limit} accounts per address per hour`, async () => {
    const address = ip();
    for (let i = 0; i < REGISTER_LIMIT.limit; i++) expect(await allowRegistration(address)).toBe(true);
    expect(await allowRegistration(address)).toBe(false);
    expect(await allowRegistration(ip())).toBe(true);
  });
});
