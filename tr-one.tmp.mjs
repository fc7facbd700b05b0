import { chromium } from 'playwright-core';
const [,, locale, path, out, email = 'vol@tr.example'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('console:', m.text().slice(0, 200)));
page.on('response', (r) => r.status() >= 400 && console.log(r.status(), r.url()));
await page.goto(`http://127.0.0.1:3300/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/translate`)}`);
await page.locator('#email').fill(email);
await page.locator('#password').fill('password-123456');
await page.locator('form button[type="submit"]').click();
await page.waitForURL((u) => u.pathname === `/${locale}/translate`);
if (path.startsWith('first-draft')) {
  await page.locator('a[href*="/translate/c"]').first().click();
  await page.waitForURL(/translate\/c/);
} else await page.goto(`http://127.0.0.1:3300/${locale}${path}`);
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
