import { expect, test } from '@playwright/test';
import { createUser, signIn, uniqueIp } from './support/accounts';

test('liveness and readiness answer as JSON and are never cached', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect(health.headers()['cache-control']).toContain('no-store');

  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body.status).toBe('ready');
  expect(body.checks.database.ok).toBe(true);
  expect(ready.headers()['cache-control']).toContain('no-store');
});

test('cached public pages, private pages and API answers all carry the security headers', async ({ request }) => {
  for (const path of ['/en/blog/welcome-to-qiao', '/zh/blog', '/en/sign-in', '/api/health', '/feed/en/rss.xml']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
    expect(headers['x-frame-options'], path).toBe('SAMEORIGIN');
  }
});

test('a page another site frames is refused by the browser', async ({ page, baseURL }) => {
  await page.route('http://framer.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe src="${baseURL}/en/blog/welcome-to-qiao"></iframe>` }),
  );
  await page.goto('http://framer.test/');
  // Chromium replaces a frame that frame-ancestors forbids with its error page.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
});

test('pages behind a session are private and never stored by a cache', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('ADMIN'));
  for (const path of ['/en/account', '/en/translate', '/zh/review', '/en/admin', '/zh/admin/posts']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const cacheControl = response.headers()['cache-control'] ?? '';
    expect(cacheControl, path).toContain('private');
    expect(cacheControl, path).toContain('no-store');
    expect(response.headers()['x-nextjs-cache'], path).toBeUndefined();
  }
  await context.close();
});
