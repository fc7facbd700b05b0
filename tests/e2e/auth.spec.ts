import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createUser, linksIn, mailsTo, postCredentials, signIn, uniqueEmail, uniqueIp, userState, waitForMail } from './support/accounts';

const T = {
  en: {
    email: 'Email',
    signIn: 'Sign in',
    accountHeading: 'Your account',
    volunteer: 'Volunteer',
    reviewer: 'Reviewer',
    accountLink: 'Account',
    adminLink: 'Admin',
    signOut: 'Sign out',
    accountMenu: 'Account',
    wrong: 'The email address or password is not correct.',
    tooMany: 'Too many attempts. Try again in 15 minutes.',
    sendLink: 'Send link',
    sent: 'If an account exists for that address, we sent a link.',
    subject: 'Reset your Qiao password',
    newPassword: 'New password',
    confirmNew: 'Confirm new password',
    savePassword: 'Save password',
    resetDone: 'Your password has been changed. Sign in with your new password.',
    linkUsed: 'This reset link is not valid. It may have been used already.',
    roleOf: (email: string) => `Role of ${email}`,
    saveRole: 'Save role',
    saved: 'Saved.',
    auditChange: 'Volunteer → Reviewer',
  },
  zh: {
    email: '邮箱',
    signIn: '登录',
    accountHeading: '我的账号',
    volunteer: '志愿者',
    reviewer: '审校者',
    accountLink: '我的账号',
    adminLink: '管理',
    signOut: '退出登录',
    accountMenu: '账号',
    wrong: '邮箱或密码不正确。',
    tooMany: '尝试次数过多，请在 15 分钟后重试。',
    sendLink: '发送链接',
    sent: '如果该邮箱注册过账号，我们已向其发送链接',
    subject: '重置你的「桥」账号密码',
    newPassword: '新密码',
    confirmNew: '确认新密码',
    savePassword: '保存密码',
    resetDone: '密码已修改，请用新密码登录。',
    linkUsed: '该重置链接无效，可能已被使用过。',
    roleOf: (email: string) => `${email} 的角色`,
    saveRole: '保存角色',
    saved: '已保存。',
    auditChange: '志愿者 → 审校者',
  },
} as const;

// Each test hashes and verifies real argon2id passwords through several round trips; on a
// loaded two-core machine that needs more than the default budgets.
test.describe.configure({ timeout: 90_000 });
const settle = { timeout: 20_000 };

// Each test signs in from its own address, so the per-address limit is never shared.
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueIp() });
});

async function newContext(browser: Browser) {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
}

for (const locale of ['en', 'zh'] as const) {
  const t = T[locale];

  test.describe(`accounts in ${locale}`, () => {
    // Registration itself: tests/e2e/registration.spec.ts.
    test('sign in, see the account page and its menu, sign out', async ({ page }) => {
      const account = await createUser();
      await signIn(page, account, { locale });
      await expect(page.getByRole('heading', { level: 1, name: t.accountHeading })).toBeVisible();
      await expect(page.getByText(account.email)).toBeVisible();
      await expect(page.getByTestId('account-role')).toHaveText(t.volunteer);
      const menu = page.getByRole('navigation', { name: t.accountMenu });
      await expect(menu.getByRole('link', { name: t.accountLink })).toBeVisible();
      await expect(menu.getByRole('link', { name: t.adminLink })).toHaveCount(0);

      await page.getByRole('main').getByRole('button', { name: t.signOut }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}$`), settle);
      await expect(page.getByRole('navigation', { name: t.accountMenu }).getByRole('link', { name: t.signIn })).toBeVisible();
      await page.goto(`/${locale}/account`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?callbackUrl=${encodeURIComponent(`/${locale}/account`)}$`), settle);
    });

    test('a wrong password and an unknown address get the same message, then the limit answers', async ({ page }) => {
      const account = await createUser();
      await page.goto(`/${locale}/sign-in`);
      const alert = page.getByRole('main').getByRole('alert').filter({ hasText: /\S/ });
      await page.locator('#email').fill(uniqueEmail('nobody'));
      await page.locator('#password').fill('whatever it is');
      await page.locator('form button[type="submit"]').click();
      await expect(alert).toHaveText(t.wrong, settle);

      for (let attempt = 1; attempt <= 5; attempt++) {
        await page.locator('#email').fill(account.email);
        await page.locator('#password').fill(`wrong password ${attempt}`);
        await page.locator('form button[type="submit"]').click();
        await expect(alert).toHaveText(t.wrong, settle);
        await expect(page.locator('form button[type="submit"]')).toBeEnabled();
      }
      // The sixth try is refused before the password is even checked, right or wrong.
      await page.locator('#email').fill(account.email);
      await page.locator('#password').fill(account.password);
      await page.locator('form button[type="submit"]').click();
      await expect(alert).toHaveText(t.tooMany, settle);
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in`), settle);
    });

    test('reset a forgotten password through the mailed link', async ({ page }) => {
      const account = await createUser();
      await page.goto(`/${locale}/forgot-password`);
      await page.getByLabel(t.email).fill(account.email);
      await page.getByRole('button', { name: t.sendLink }).click();
      await expect(page.getByRole('status').filter({ hasText: t.sent })).toBeVisible(settle);

      const mail = await waitForMail(account.email);
      expect(mail.subject).toBe(t.subject);
      const link = linksIn(mail.text).find((l) => l.includes('/reset-password?token='));
      expect(link).toMatch(new RegExp(`/${locale}/reset-password\\?token=[A-Za-z0-9_-]{43}$`));

      await page.goto(link!);
      await page.getByLabel(t.newPassword, { exact: true }).fill('my brand new password');
      await page.getByLabel(t.confirmNew).fill('my brand new password');
      await page.getByRole('button', { name: t.savePassword }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?reset=1$`), settle);
      await expect(page.getByRole('status').filter({ hasText: t.resetDone })).toBeVisible();

      await signIn(page, { email: account.email, password: 'my brand new password' }, { locale });
      await expect(page.getByRole('heading', { level: 1, name: t.accountHeading })).toBeVisible();

      // The link worked once.
      await page.goto(link!);
      await expect(page.getByRole('main').getByRole('alert')).toContainText(t.linkUsed);
    });
  });
}

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const email = uniqueEmail('ghost');
  await page.goto('/en/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status').filter({ hasText: T.en.sent })).toBeVisible(settle);
  await page.waitForTimeout(1000);
  expect(await mailsTo(email)).toEqual([]);
});

test('a volunteer gets a 404 from every admin page and keeps their role', async ({ page, browser }) => {
  const volunteer = await createUser();
  await signIn(page, volunteer);
  for (const path of ['/en/admin', '/en/admin/users', '/en/admin/audit', '/zh/admin/users']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);
  }
  expect(await userState(volunteer.email)).toMatchObject({ role: 'VOLUNTEER' });

  const visitor = await newContext(browser);
  const response = await (await visitor.newPage()).goto('/en/admin/users');
  expect(response?.status()).toBe(404);
  await visitor.close();
});

for (const locale of ['en', 'zh'] as const) {
  const t = T[locale];
  test(`an admin promotes a volunteer, sees the audit entry, and a demotion signs the user out (${locale})`, async ({ page, browser }) => {
    const admin = await createUser('ADMIN');
    const member = await createUser('VOLUNTEER');

    const memberContext = await newContext(browser);
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, member, { locale });
    await expect(memberPage.getByTestId('account-role')).toHaveText(t.volunteer);

    await signIn(page, admin, { locale, callbackUrl: `/${locale}/admin/users?q=${encodeURIComponent(member.email)}` });
    await expect(page.getByRole('navigation', { name: t.accountMenu }).getByRole('link', { name: t.adminLink })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: member.email });
    await row.getByLabel(t.roleOf(member.email)).selectOption('REVIEWER');
    await row.getByRole('button', { name: t.saveRole }).click();
    await expect(row.getByRole('status').filter({ hasText: t.saved })).toBeVisible(settle);
    await expect.poll(async () => (await userState(member.email))?.role).toBe('REVIEWER');

    await page.goto(`/${locale}/admin/audit?action=user.role`);
    const entry = page.getByRole('row').filter({ hasText: member.email }).first();
    await expect(entry).toContainText('user.role');
    await expect(entry).toContainText(admin.email);
    await expect(entry).toContainText(t.auditChange);

    // The member's open session sees the promotion on the next request…
    await memberPage.reload();
    await expect(memberPage.getByTestId('account-role')).toHaveText(t.reviewer);

    // …and a demotion ends it.
    await page.goto(`/${locale}/admin/users?q=${encodeURIComponent(member.email)}`);
    await row.getByLabel(t.roleOf(member.email)).selectOption('VOLUNTEER');
    await row.getByRole('button', { name: t.saveRole }).click();
    await expect(row.getByRole('status').filter({ hasText: t.saved })).toBeVisible(settle);
    await memberPage.reload();
    await expect(memberPage).toHaveURL(new RegExp(`/${locale}/sign-in\\?callbackUrl=`), settle);
    await memberContext.close();
  });
}

test('disabling a user ends their session and stops them signing in', async ({ page, browser }) => {
  const admin = await createUser('ADMIN');
  const member = await createUser();
  const memberContext = await newContext(browser);
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member);

  await signIn(page, admin, { callbackUrl: `/en/admin/users?q=${encodeURIComponent(member.email)}` });
  await page.getByRole('button', { name: `Disable ${member.email}` }).click();
  await expect(page.getByRole('button', { name: `Enable ${member.email}` })).toBeVisible(settle);
  expect(await userState(member.email)).toMatchObject({ disabled: true });

  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/en\/sign-in\?callbackUrl=/, settle);
  await memberPage.locator('#email').fill(member.email);
  await memberPage.locator('#password').fill(member.password);
  await memberPage.locator('form button[type="submit"]').click();
  await expect(memberPage.getByRole('main').getByRole('alert').filter({ hasText: /\S/ })).toHaveText(T.en.wrong, settle);
  await memberContext.close();
});

test('sign-in never sends the visitor to another site', async ({ page }) => {
  const account = await createUser();
  await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/en/translate');
  expect(new URL(page.url()).origin).toBe(new URL(process.env.BASE_URL ?? 'http://127.0.0.1:3000').origin);
});

test('changing the password keeps this session and ends the others', async ({ page, browser }) => {
  const account = await createUser();
  const other = await newContext(browser);
  const otherPage = await other.newPage();
  await signIn(otherPage, account);
  await signIn(page, account);
  await page.getByLabel('Current password').fill(account.password);
  await page.getByLabel('New password', { exact: true }).fill('a different long password');
  await page.getByLabel('Confirm new password').fill('a different long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible(settle);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/en\/sign-in\?callbackUrl=/, settle);
  await other.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header offers a plain sign-in link', async ({ page }) => {
    await page.goto('/zh');
    const link = page.getByRole('navigation', { name: '账号' }).getByRole('link', { name: '登录' });
    await expect(link).toHaveAttribute('href', '/zh/sign-in');
  });
});

test('over the limit, a known and an unknown address get the same 429 with Retry-After', async ({ playwright }) => {
  const known = await createUser();
  for (const email of [known.email, uniqueEmail('unknown')]) {
    const request = await playwright.request.newContext({
      baseURL: process.env.BASE_URL,
      extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() },
    });
    for (let i = 0; i < 5; i++) expect((await postCredentials(request, email, 'not the password')).status()).toBe(401);
    const refused = await postCredentials(request, email, 'not the password');
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await refused.json()).toMatchObject({ error: 'RateLimited', retryAfter });
    await request.dispose();
  }
});

test('the session endpoint tells the browser who is signed in, and nothing else', async ({ page }) => {
  const account = await createUser('REVIEWER');
  await signIn(page, account);
  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
  expect(session.user).toEqual({ id: account.id, role: 'REVIEWER', name: account.name, email: account.email, image: null });
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('no serious accessibility violations', () => {
  test('on the sign-in, registration and reset pages', async ({ page }) => {
    for (const path of ['/en/sign-in', '/zh/sign-in?error=CredentialsSignin', '/zh/register', '/en/forgot-password', '/zh/reset-password?token=nope']) {
      await expectAccessible(page, path);
    }
    // With a form's errors showing.
    await page.goto('/en/register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true', settle);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('on the account and admin pages', async ({ page }) => {
    const admin = await createUser('ADMIN');
    await signIn(page, admin, { locale: 'zh', callbackUrl: '/zh/account' });
    for (const path of ['/zh/account', '/en/admin', '/zh/admin/users', '/en/admin/audit']) await expectAccessible(page, path);
  });
});
