import { expect, test, type Page } from '@playwright/test';
import { createUser, linksIn, mailsTo, signIn, uniqueEmail, uniqueIp, waitForMail } from './support/accounts';
import { createEnglishPost } from './support/translation';

// Registration as a stranger lives it: the same "check your mailbox" whether or not the address
// has an account, a link by mail (read from the local catcher) that confirms the address, and
// no claim on any work until it is confirmed.

const T = {
  en: {
    email: 'Email',
    name: 'Name',
    password: 'Password',
    confirm: 'Confirm password',
    register: 'Create account',
    checkMail: (email: string) =>
      `Check your mailbox: we sent a message to ${email}. Follow the link in it to confirm your address, then sign in to claim posts to translate.`,
    verifySubject: 'Confirm your email address for Qiao',
    existsSubject: 'Someone tried to register with your address on Qiao',
    confirmAddress: 'Confirm my address',
    confirmed: 'Your email address is confirmed. You can claim posts to translate now.',
    signIn: 'Sign in',
    claim: (title: string) => `Claim: ${title}`,
    notice: 'Confirm your email address',
    unverified: 'Confirm your email address before you claim a post: follow the link in the mail we sent you.',
    resend: 'Send the link again',
    resent: (email: string) => `We sent a new link to ${email}. It works for 48 hours.`,
    linkUsed: 'This confirmation link is not valid. It may have been used already.',
    tooMany: 'Too many accounts were created from your network. Try again in an hour.',
  },
  zh: {
    email: '邮箱',
    name: '名字',
    password: '密码',
    confirm: '确认密码',
    register: '注册',
    checkMail: (email: string) => `请查收邮件：我们已向 ${email} 发送了一封邮件。点击其中的链接确认邮箱，然后登录即可认领文章进行翻译。`,
    verifySubject: '确认你在「桥」的邮箱',
    existsSubject: '有人尝试用你的邮箱注册「桥」',
    confirmAddress: '确认我的邮箱',
    confirmed: '你的邮箱已确认，现在可以认领文章进行翻译了。',
    signIn: '登录',
    claim: (title: string) => `认领：${title}`,
    notice: '确认邮箱',
    unverified: '认领文章前请先确认邮箱：点击我们发给你的邮件中的链接。',
    resend: '重新发送链接',
    resent: (email: string) => `我们已向 ${email} 发送了新的链接，48 小时内有效。`,
    linkUsed: '该确认链接无效，可能已被使用过。',
    tooMany: '你所在的网络注册的账号过多，请一小时后再试。',
  },
} as const;

type Locale = keyof typeof T;

// Real argon2id hashing and mail delivery on a loaded two-core machine.
test.describe.configure({ timeout: 90_000 });
const settle = { timeout: 20_000 };

// Each test registers from an address of its own, so the per-address limit is never shared.
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': uniqueIp() });
});

async function register(page: Page, locale: Locale, email: string) {
  const t = T[locale];
  await page.goto(`/${locale}/register`);
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.name, { exact: true }).fill('Ada Volunteer');
  await page.getByLabel(t.password, { exact: true }).fill('a long enough password');
  await page.getByLabel(t.confirm).fill('a long enough password');
  await page.getByRole('button', { name: t.register }).click();
}

/** Opens the mailed confirmation link and confirms; returns the link. */
async function confirmFromMail(page: Page, locale: Locale, email: string, nth = 0) {
  const t = T[locale];
  await expect.poll(async () => (await mailsTo(email)).length, settle).toBeGreaterThan(nth);
  const mail = (await mailsTo(email))[nth]!;
  expect(mail.subject).toBe(t.verifySubject);
  const link = linksIn(mail.text).find((l) => l.includes('/verify-email?token='));
  expect(link).toMatch(new RegExp(`/${locale}/verify-email\\?token=[A-Za-z0-9_-]{43}$`));
  await page.goto(link!);
  await page.getByRole('button', { name: t.confirmAddress }).click();
  await expect(page.getByRole('status').filter({ hasText: t.confirmed })).toBeVisible(settle);
  return link!;
}

for (const locale of ['en', 'zh'] as const) {
  const t = T[locale];

  test(`register, confirm the address from the mail, sign in and claim a post (${locale})`, async ({ page }) => {
    const title = `Claimed once confirmed ${Math.random().toString(36).slice(2, 8)}`;
    await createEnglishPost({ title, body: 'Bridges connect people.' });
    const email = uniqueEmail('register');
    await register(page, locale, email);
    await expect(page.getByRole('status').filter({ hasText: t.checkMail(email) })).toBeVisible(settle);

    const link = await confirmFromMail(page, locale, email);
    await page.getByRole('main').getByRole('link', { name: t.signIn }).click();
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('a long enough password');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `/${locale}/translate`, settle);
    await expect(page.getByRole('heading', { name: t.notice })).toHaveCount(0);
    await page.getByRole('button', { name: t.claim(title) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/translate/[\\w-]+$`), settle);

    // The link worked once.
    await page.goto(link);
    await expect(page.getByRole('main').getByRole('alert')).toContainText(t.linkUsed);
  });

  test(`a taken address gets the same page, and its owner a mail instead (${locale})`, async ({ page }) => {
    const owner = await createUser();
    await register(page, locale, owner.email);
    await expect(page.getByRole('status').filter({ hasText: t.checkMail(owner.email) })).toBeVisible(settle);
    await expect(page.getByLabel(t.email)).toHaveCount(0);

    const mail = await waitForMail(owner.email);
    expect(mail.subject).toBe(t.existsSubject);
    const links = linksIn(mail.text);
    expect(links.some((l) => l.endsWith(`/${locale}/sign-in`))).toBe(true);
    expect(links.some((l) => l.endsWith(`/${locale}/forgot-password`))).toBe(true);
    expect(links.some((l) => l.includes('token='))).toBe(false);
    // Nothing about the account changed: its owner signs in with their own password.
    await signIn(page, owner, { locale });
  });

  test(`an unverified volunteer is refused a claim with the reason, and can send the link again (${locale})`, async ({ page }) => {
    const title = `Not before confirming ${Math.random().toString(36).slice(2, 8)}`;
    await createEnglishPost({ title, body: 'Bridges connect people.' });
    const volunteer = await createUser('VOLUNTEER', { verified: false });
    await signIn(page, volunteer, { locale, callbackUrl: `/${locale}/translate` });
    await expect(page.getByRole('heading', { name: t.notice })).toBeVisible();

    await page.getByRole('button', { name: t.claim(title) }).click();
    const refusal = page.getByRole('main').getByRole('alert').filter({ hasText: t.unverified });
    await expect(refusal).toBeVisible(settle);
    await expect(page).toHaveURL(new RegExp(`/${locale}/translate$`));

    await refusal.getByRole('link', { name: t.resend }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account#verify-email$`), settle);
    await page.getByRole('button', { name: t.resend }).click();
    await expect(page.getByRole('status').filter({ hasText: t.resent(volunteer.email) })).toBeVisible(settle);

    await confirmFromMail(page, locale, volunteer.email);
    await page.goto(`/${locale}/translate`);
    await page.getByRole('button', { name: t.claim(title) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/translate/[\\w-]+$`), settle);
  });
}

test('one address may register five accounts an hour; the sixth is refused with the reason', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    const email = uniqueEmail('burst');
    await register(page, 'en', email);
    await expect(page.getByRole('status').filter({ hasText: T.en.checkMail(email) })).toBeVisible(settle);
  }
  const refused = uniqueEmail('burst');
  await register(page, 'en', refused);
  await expect(page.getByRole('main').getByRole('alert').filter({ hasText: T.en.tooMany })).toBeVisible(settle);
  expect(await mailsTo(refused)).toEqual([]);
});
