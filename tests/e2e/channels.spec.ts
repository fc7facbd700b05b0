import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { createUser, signIn, uniqueIp } from './support/accounts';

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('ADMIN'));
  return page;
}

async function addChannel(page: Page, fields: { platform: string; name: string; url?: string; en?: string; zh?: string; qr?: Buffer }) {
  await page.goto('/en/admin/channels/new');
  await page.locator('#channel-platform').selectOption(fields.platform);
  await page.locator('#channel-name').fill(fields.name);
  if (fields.url) await page.locator('#channel-url').fill(fields.url);
  if (fields.en) await page.locator('#channel-descriptionEn').fill(fields.en);
  if (fields.zh) await page.locator('#channel-descriptionZh').fill(fields.zh);
  if (fields.qr) await page.locator('#channel-qr').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: fields.qr });
  await page.getByRole('button', { name: 'Create channel' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/channels\?saved=/);
}

test('an admin adds a WeChat channel with a QR code and it shows in both languages', async ({ browser, request }) => {
  const page = await adminPage(browser);
  const name = `WeChat ${randomUUID().slice(0, 8)}`;
  const qr = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } }).png().toBuffer();
  await addChannel(page, { platform: 'WECHAT', name, en: 'Follow us on <b>WeChat</b>', zh: '关注我们的公众号', qr });

  for (const [locale, text, alt] of [['en', 'Follow us on <b>WeChat</b>', `QR code to follow ${name} on WeChat`], ['zh', '关注我们的公众号', `扫码在微信关注 ${name}`]] as const) {
    await page.goto(`/${locale}/channels`);
    const card = page.locator(`li[data-channel="${name}"]`);
    await expect(card).toContainText(text);
    const img = card.getByRole('img', { name: alt });
    await expect(img).toBeVisible();
    const src = await img.getAttribute('src');
    expect(src).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    // The file's own policy and no other (the site's used to replace it): opened on its own, an
    // upload runs nothing and loads nothing.
    const policies = res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);
    expect(policies).toHaveLength(1);
    expect(policies[0]!.split(/;\s*/)).toEqual(expect.arrayContaining(["default-src 'none'", 'sandbox']));
  }
  expect((await request.get('/uploads/..%2F..%2Fpackage.json')).status()).toBe(404);
});

test('an admin reorders channels within a platform', async ({ browser }) => {
  const page = await adminPage(browser);
  const tag = randomUUID().slice(0, 8);
  const first = `First ${tag}`;
  const second = `Second ${tag}`;
  await addChannel(page, { platform: 'OTHER', name: first, url: 'https://example.com/first' });
  await addChannel(page, { platform: 'OTHER', name: second, url: 'https://example.com/second' });

  const names = async (p: Page) => (await p.locator('li[data-channel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')))).filter((n) => n?.endsWith(tag));
  await page.goto('/en/admin/channels');
  expect(await names(page)).toEqual([first, second]);
  await page.getByRole('button', { name: `Move ${second} up` }).click();
  await expect.poll(() => names(page)).toEqual([second, first]);

  await page.goto('/zh/channels');
  expect(await names(page)).toEqual([second, first]);
});

test('a volunteer gets 404 on the channel admin', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('VOLUNTEER'));
  for (const path of ['/en/admin/channels', '/en/admin/channels/new']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
});
