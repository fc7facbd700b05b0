import { expect, test, type APIResponse } from '@playwright/test';
import { createUser, signIn, uniqueEmail, uniqueIp } from './support/accounts';

// Where sign-in and registration send a visitor afterwards comes from `?callbackUrl=`, which anyone
// can write into a link. Each of these passed a check of the raw string and normalized (or was
// read by the browser) as `//evil.example…`, another site: signed in, the sign-in page answered
// 307 to it; signed out, the forms went there after success.
const PAYLOADS = [
  '/.//evil.example/phish',
  '/..//evil.example',
  '/%2e//evil.example',
  '/en/..//evil.example',
  '/zh/%2e%2e//evil.example',
  '//evil.example',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '\\\\evil.example',
  '/\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '\t//evil.example',
  'https://evil.example/phish',
  'javascript:alert(1)',
];

/** The address a redirect leads to, read the way a browser reads a Location header. */
function redirectTarget(response: APIResponse, base: string): URL {
  return new URL(response.headers()['location'] ?? '', base);
}

for (const locale of ['en', 'zh'] as const) {
  test(`signed in, the sign-in and register pages in ${locale} redirect only on this site, whatever callbackUrl says`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const page = await context.newPage();
    await signIn(page, await createUser(), { locale });
    const origin = new URL(baseURL!).origin;
    for (const payload of PAYLOADS) {
      for (const form of ['sign-in', 'register']) {
        const response = await page.request.get(`/${locale}/${form}?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
        const label = `${form} ${JSON.stringify(payload)}`;
        expect(response.status(), label).toBe(307);
        const target = redirectTarget(response, baseURL!);
        expect(target.origin, label).toBe(origin);
        expect(response.headers()['location'], label).toMatch(/^(?:https?:\/\/[^/]+)?\/(?![/\\])/);
        // The visitor's start page, since none of these is a page of this site.
        expect(target.pathname, label).toBe(`/${locale}/translate`);
      }
    }
    await context.close();
  });
}

// Through the form, one of each kind (every shape is checked on the server above): a sign-in with
// its password check is slow on purpose.
const THROUGH_THE_FORM = ['/.//evil.example/phish', '/%2e//evil.example', '//evil.example', '/\\evil.example', '%2F%2Fevil.example', '/\t/evil.example'];

test('signed out, the sign-in form lands on this site after success, whatever callbackUrl says', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const account = await createUser();
  for (const payload of THROUGH_THE_FORM) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const page = await context.newPage();
    // Whatever the browser is sent to leaves a trace here, even a site that does not exist.
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));
    await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent(payload)}`);
    await page.locator('#email').fill(account.email);
    await page.locator('#password').fill(account.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/en/translate');
    expect(new URL(page.url()).origin, JSON.stringify(payload)).toBe(origin);
    expect(visited.filter((url) => url.includes('evil.example') && !url.startsWith(`${origin}/en/sign-in`)), JSON.stringify(payload)).toEqual([]);
    await context.close();
  }
});

test('signed out, registering and then signing in lands on this site, whatever callbackUrl says', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL!).origin;
  for (const [locale, payload] of [['en', '/.//evil.example/phish'], ['zh', '/\\evil.example']] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const page = await context.newPage();
    const email = uniqueEmail('callback');
    await page.goto(`/${locale}/register?callbackUrl=${encodeURIComponent(payload)}`);
    // Every link on to sign in carries the visitor's start page, never the payload.
    for (const href of await page.locator('main a[href*="callbackUrl"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
      expect(new URL(href).searchParams.get('callbackUrl'), payload).toBe(`/${locale}/translate`);
    }
    await page.locator('#email').fill(email);
    await page.locator('#name').fill('Callback Volunteer');
    await page.locator('#password').fill('a long enough password');
    await page.locator('#confirmPassword').fill('a long enough password');
    await page.locator('form button[type="submit"]').click();
    await page.locator('main a[href*="callbackUrl"]').last().click();
    await page.waitForURL((url) => url.pathname === `/${locale}/sign-in`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('a long enough password');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `/${locale}/translate`);
    expect(new URL(page.url()).origin, payload).toBe(origin);
    await context.close();
  }
});
