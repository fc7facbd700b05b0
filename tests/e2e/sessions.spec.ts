import { expect, test } from '@playwright/test';
import { createUser, postCredentials, signIn, uniqueIp } from './support/accounts';

// Signing out ends the session on the server, and a guesser cannot lock an owner out: the two
// complaints of issue #12 (items 6 and 7) as a browser sees them.

test.describe.configure({ timeout: 90_000 });
const settle = { timeout: 20_000 };

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueIp() });
});

for (const [locale, signOut, accountHeading] of [
  ['en', 'Sign out', 'Your account'],
  ['zh', '退出登录', '我的账号'],
] as const) {
  test(`a session cookie saved before signing out is refused after it (${locale})`, async ({ page, browser }) => {
    const account = await createUser();
    await signIn(page, account, { locale });
    await expect(page.getByRole('heading', { level: 1, name: accountHeading })).toBeVisible();
    const saved = await page.context().storageState();
    expect(saved.cookies.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);

    await page.getByRole('main').getByRole('button', { name: signOut }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}$`), settle);

    // Someone who copied the cookie before the sign-out replays it in another browser.
    const replay = await browser.newContext({ storageState: saved, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const replayed = await replay.newPage();
    await replayed.goto(`/${locale}/account`);
    await expect(replayed).toHaveURL(new RegExp(`/${locale}/sign-in\\?callbackUrl=`), settle);
    expect(await (await replay.request.get('/api/auth/session')).json()).toEqual({});
    await replay.close();
  });
}

test('a stranger’s wrong passwords from another address do not lock the owner out', async ({ page, playwright }) => {
  const account = await createUser();
  const stranger = await playwright.request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  for (let i = 0; i < 5; i++) expect((await postCredentials(stranger, account.email, `guess ${i}`)).status()).toBe(401);
  // The stranger's own address is what gets refused, even with the right password…
  expect((await postCredentials(stranger, account.email, account.password)).status()).toBe(429);
  await stranger.dispose();

  // …while the owner, from theirs, signs in as usual.
  await signIn(page, account);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
});
