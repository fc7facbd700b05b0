// Shared helpers for end-to-end tests that need accounts. scripts/test.mjs passes the e2e
// database in DATABASE_URL and the mail catcher in MAIL_CATCHER_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

export type Role = 'VOLUNTEER' | 'REVIEWER' | 'ADMIN';
export type TestAccount = { id: string; email: string; name: string; password: string; role: Role };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the end-to-end tests through scripts/test.mjs');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@e2e.example`;

/** A unique client address per test, so the per-address sign-in limit of one test never hits another. */
export const uniqueIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/**
 * An account straight in the database, ready to sign in with. Its address counts as verified, as
 * an operator's accounts do, unless `verified: false` (one that registered and has not confirmed).
 */
export async function createUser(
  role: Role = 'VOLUNTEER',
  overrides: Partial<Omit<TestAccount, 'id' | 'role'>> & { verified?: boolean } = {},
): Promise<TestAccount> {
  const account = {
    id: `e2e_${randomUUID().replace(/-/g, '')}`,
    email: overrides.email ?? uniqueEmail(role.toLowerCase()),
    name: overrides.name ?? `E2E ${role.toLowerCase()}`,
    password: overrides.password ?? `pw-${randomUUID()}`,
    role,
  };
  await query(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "emailVerified", "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, $6, now())`,
    [account.id, account.email, account.name, role, await hash(account.password), overrides.verified === false ? null : new Date()],
  );
  return account;
}

export async function userState(email: string): Promise<{ role: Role; disabled: boolean; sessionVersion: number } | null> {
  const rows = await query<{ role: Role; disabled: boolean; sessionVersion: number }>(
    `SELECT "role"::text AS "role", ("disabledAt" IS NOT NULL) AS "disabled", "sessionVersion" FROM "User" WHERE "email" = $1`,
    [email],
  );
  return rows[0] ?? null;
}

/** Signs in through the sign-in page and waits until the browser has left it. */
export async function signIn(page: Page, account: Pick<TestAccount, 'email' | 'password'>, { locale = 'en', callbackUrl }: { locale?: string; callbackUrl?: string } = {}) {
  const target = callbackUrl ?? `/${locale}/account`;
  await page.goto(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname + url.search === target);
}

/** One credentials sign-in straight to next-auth, as its form posts it; the answer is not followed. */
export async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, callbackUrl: '/en/account', json: 'true' },
    maxRedirects: 0,
  });
}

export type CaughtMail = { to: string[]; subject: string; text: string; html: string };

export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const base = process.env.MAIL_CATCHER_URL;
  if (!base) throw new Error('MAIL_CATCHER_URL is not set: run the end-to-end tests through scripts/test.mjs');
  const res = await fetch(`${base}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as CaughtMail[];
}

/** Waits for the first mail to `address` (mail goes out after the response) and returns it. */
export async function waitForMail(address: string): Promise<CaughtMail> {
  await expect.poll(async () => (await mailsTo(address)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return (await mailsTo(address))[0]!;
}

export function linksIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
}
