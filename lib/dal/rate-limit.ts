import 'server-only';
import { db } from '@/lib/db';

export type RateLimitHit = { count: number; retryAfterSeconds: number };
export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Failed sign-ins allowed per fixed window, per account and per client address.
export const LOGIN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 30, windowSeconds: 15 * 60 },
} as const;

// Password-reset mails per address per hour: stops anyone from flooding a mailbox.
export const RESET_MAIL_LIMIT = { limit: 3, windowSeconds: 60 * 60 } as const;

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

/** The client address: the first hop of X-Forwarded-For (set by the proxy in front), else X-Real-IP. */
export function clientIp(header: (name: string) => string | null | undefined): string {
  const forwarded = header('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || header('x-real-ip')?.trim() || 'unknown').slice(0, 64);
}

export function normalizeEmail(email: unknown): string {
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

const accountKey = (email: string) => `login:account:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Takes one attempt from the account's and the address's budgets before the password is even
 * looked at. Counting first (rather than after a failure) means a burst of parallel guesses
 * cannot slip past the limit; a successful sign-in gives its attempt back (recordLoginSuccess).
 * Unknown addresses and wrong passwords are counted alike, so the answer never tells them apart.
 */
export async function consumeLoginAttempt({ email, ip }: { email: string; ip: string }): Promise<LoginVerdict> {
  if (Math.random() < 0.01) await pruneExpired();
  const [account, address] = await Promise.all([
    email ? hitRateLimit(accountKey(email), LOGIN_LIMITS.account.windowSeconds) : null,
    hitRateLimit(ipKey(ip), LOGIN_LIMITS.ip.windowSeconds),
  ]);
  const waits: number[] = [];
  if (account && account.count > LOGIN_LIMITS.account.limit) waits.push(account.retryAfterSeconds);
  if (address.count > LOGIN_LIMITS.ip.limit) waits.push(address.retryAfterSeconds);
  return waits.length ? { allowed: false, retryAfterSeconds: Math.max(...waits) } : { allowed: true };
}

export async function recordLoginSuccess({ email, ip }: { email: string; ip: string }): Promise<void> {
  await Promise.all([clearRateLimit(accountKey(email)), refundRateLimit(ipKey(ip))]);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await clearRateLimit(accountKey(email));
}

/** Whether another password-reset mail may go to this address now. */
export async function allowResetMail(email: string): Promise<boolean> {
  const hit = await hitRateLimit(`reset-mail:${email}`, RESET_MAIL_LIMIT.windowSeconds);
  return hit.count <= RESET_MAIL_LIMIT.limit;
}
