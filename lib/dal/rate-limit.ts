import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { clientAddress, trustedProxies } from '@/lib/trusted-proxies.mjs';

export type RateLimitHit = { count: number; retryAfterSeconds: number };
export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sign-in attempts, after OWASP's Authentication Cheat Sheet. Tight per (account, address) pair:
 * one address guesses little, and whoever hammers an account locks out only their own address.
 * Per address across accounts, against spraying. Per account across addresses, loosely and with
 * growing delays instead of a lock, against a guesser with many addresses; the addresses the
 * account signed in from lately are spared that one, so its owner always gets in from home.
 */
export const LOGIN_LIMITS = {
  pair: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 30, windowSeconds: 15 * 60 },
  // `free` attempts per window at once; after that each waits twice as long as the one before.
  account: { free: 10, windowSeconds: 60 * 60, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 },
  knownAddressSeconds: 30 * 24 * 60 * 60,
} as const;

// Mails per recipient per hour (password resets, notices to an address that tried to register):
// stops anyone from flooding a mailbox.
export const MAIL_LIMIT = { limit: 3, windowSeconds: 60 * 60 } as const;

// Accounts registered per client address per hour.
export const REGISTER_LIMIT = { limit: 5, windowSeconds: 60 * 60 } as const;

/**
 * Counts one hit against `key` in a fixed window and returns the new count. One statement, with
 * the database's clock, so concurrent hits from any number of app instances never lose a count.
 * Timestamps are UTC `timestamp(3)`, as Prisma stores them.
 */
export async function hitRateLimit(key: string, windowSeconds: number): Promise<RateLimitHit> {
  const rows = await db.$queryRaw<{ count: number; retryAfterSeconds: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + ${windowSeconds}::int * interval '1 second')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= (now() AT TIME ZONE 'UTC') THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count",
      -- (less a millisecond: the column rounds to milliseconds, which must not add a second)
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - (now() AT TIME ZONE 'UTC'))) - 0.001))::int AS "retryAfterSeconds"`;
  const row = rows[0]!;
  return { count: Number(row.count), retryAfterSeconds: Number(row.retryAfterSeconds) };
}

export async function clearRateLimit(key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${key}`;
}

async function refundRateLimit(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

async function pruneExpired(): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}

const proxies = trustedProxies(env.TRUSTED_PROXIES);

/**
 * The client address: the TCP peer (`x-qiao-peer`, written by the server's preload
 * scripts/lib/peer-headers.mjs, which also drops forwarded headers from untrusted peers), or, when
 * the peer is a trusted proxy (TRUSTED_PROXIES), the address it forwarded.
 */
export function clientIp(header: (name: string) => string | null | undefined): string {
  const peer = header('x-qiao-peer');
  // Without the preload (a server not started by the scripts), no address can be believed.
  if (!peer) return 'unknown';
  return clientAddress(peer, header('x-forwarded-for'), proxies).slice(0, 64) || 'unknown';
}

export function normalizeEmail(email: unknown): string {
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

const pairKey = (email: string, ip: string) => `login:pair:${email}|${ip}`;
const ipKey = (ip: string) => `login:ip:${ip}`;
const accountKey = (email: string) => `login:account:${email}`;
// When the account's next attempt from an unknown address may come (its `resetAt`).
const accountTurnKey = (email: string) => `login:account-turn:${email}`;
const knownKey = (email: string, ip: string) => `login:known:${email}|${ip}`;

async function isKnownAddress(email: string, ip: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "RateLimit" WHERE "key" = ${knownKey(email, ip)} AND "resetAt" > (now() AT TIME ZONE 'UTC')`;
  return rows.length > 0;
}

/**
 * The account-wide budget for addresses it never signed in from: null when this attempt may go
 * on, else the seconds to wait. Past the free attempts, one attempt at a time gets the turn (one
 * statement, so parallel guesses cannot share it) and sets how long the next must wait.
 */
async function takeAccountTurn(email: string): Promise<number | null> {
  const { free, windowSeconds, firstDelaySeconds, maxDelaySeconds } = LOGIN_LIMITS.account;
  const attempts = await hitRateLimit(accountKey(email), windowSeconds);
  if (attempts.count <= free) return null;
  const delay = Math.min(firstDelaySeconds * 2 ** (attempts.count - free - 1), maxDelaySeconds);
  const taken = await db.$queryRaw<unknown[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${accountTurnKey(email)}, 1, (now() AT TIME ZONE 'UTC') + ${delay}::int * interval '1 second')
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1, "resetAt" = EXCLUDED."resetAt"
      WHERE "RateLimit"."resetAt" <= (now() AT TIME ZONE 'UTC')
    RETURNING 1`;
  if (taken.length > 0) return null;
  // A refused attempt does not make the next wait longer.
  await refundRateLimit(accountKey(email));
  const rows = await db.$queryRaw<{ seconds: number }[]>`
    SELECT GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - (now() AT TIME ZONE 'UTC'))) - 0.001))::int AS "seconds"
    FROM "RateLimit" WHERE "key" = ${accountTurnKey(email)}`;
  return Number(rows[0]?.seconds ?? 1);
}

/**
 * Takes one attempt from the budgets before the password is even looked at. Counting first
 * (rather than after a failure) means a burst of parallel guesses cannot slip past a limit; a
 * successful sign-in gives its attempt back (recordLoginSuccess). Unknown accounts and wrong
 * passwords are counted alike, so the answer never tells them apart.
 */
export async function consumeLoginAttempt({ email, ip }: { email: string; ip: string }): Promise<LoginVerdict> {
  if (Math.random() < 0.01) await pruneExpired();
  const [pair, address, known] = await Promise.all([
    email ? hitRateLimit(pairKey(email, ip), LOGIN_LIMITS.pair.windowSeconds) : null,
    hitRateLimit(ipKey(ip), LOGIN_LIMITS.ip.windowSeconds),
    email ? isKnownAddress(email, ip) : true,
  ]);
  const waits: number[] = [];
  if (pair && pair.count > LOGIN_LIMITS.pair.limit) waits.push(pair.retryAfterSeconds);
  if (address.count > LOGIN_LIMITS.ip.limit) waits.push(address.retryAfterSeconds);
  if (waits.length) return { allowed: false, retryAfterSeconds: Math.max(...waits) };
  const wait = known ? null : await takeAccountTurn(email);
  return wait === null ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

/** The password was right: the address is the account's own from now on, and its failures are forgotten. */
export async function recordLoginSuccess({ email, ip }: { email: string; ip: string }): Promise<void> {
  await Promise.all([
    clearRateLimit(pairKey(email, ip)),
    clearRateLimit(accountKey(email)),
    refundRateLimit(ipKey(ip)),
    db.$executeRaw`
      INSERT INTO "RateLimit" ("key", "count", "resetAt")
      VALUES (${knownKey(email, ip)}, 1, (now() AT TIME ZONE 'UTC') + ${LOGIN_LIMITS.knownAddressSeconds}::int * interval '1 second')
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1, "resetAt" = EXCLUDED."resetAt"`,
  ]);
}

/** After a password reset: the owner proved the mailbox is theirs, so every limit on the account goes. */
export async function clearLoginFailures(email: string): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "RateLimit"
    WHERE "key" IN (${accountKey(email)}, ${accountTurnKey(email)}) OR starts_with("key", ${pairKey(email, '')})`;
}

/** Whether another mail of `purpose` may go to this address now (MAIL_LIMIT). */
export async function allowMailTo(purpose: 'reset-mail' | 'verify-mail' | 'account-notice', email: string): Promise<boolean> {
  const hit = await hitRateLimit(`${purpose}:${email}`, MAIL_LIMIT.windowSeconds);
  return hit.count <= MAIL_LIMIT.limit;
}

/** Whether this client address may register one more account now (REGISTER_LIMIT). */
export async function allowRegistration(ip: string): Promise<boolean> {
  const hit = await hitRateLimit(`register:ip:${ip}`, REGISTER_LIMIT.windowSeconds);
  return hit.count <= REGISTER_LIMIT.limit;
}
