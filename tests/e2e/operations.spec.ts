import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

test('private pages run only the scripts their nonce allows: Next’s own, not one injected into the page', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, await createUser('ADMIN'));
  const nonces = new Set<string>();
  for (const path of ['/en/account', '/zh/admin/posts', '/en/account']) {
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    nonces.add(nonce!);
    // Every script Next rendered carries this response's nonce, and they ran: the account menu
    // is drawn by the browser.
    const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length, path).toBeGreaterThan(0);
    expect(new Set(scriptNonces), path).toEqual(new Set([nonce]));
    await expect(page.getByRole('button', { name: path.startsWith('/zh') ? '退出登录' : 'Sign out' }).first()).toBeVisible();
  }
  // A fresh nonce for every response.
  expect(nonces.size).toBe(3);
  expect(violations).toEqual([]);

  // Markup that slipped into the page cannot run script.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/nonexistent.png" onerror="window.__injected = true">'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await context.close();
});

test('what the app logs while answering a request is one JSON line with the request’s id', async ({ request }) => {
  const requestId = randomUUID().replace(/-/g, '');
  // next-auth refuses a callback address that is not one, and the app logs that as a warning.
  const response = await request.get('/api/auth/signin?callbackUrl=javascript%3Aalert(1)', { headers: { 'x-request-id': requestId } });
  expect(response.status()).toBeLessThan(500);
  const logged = async () => {
    const lines = (await readFile(process.env.SERVER_LOG!, 'utf8')).split('\n');
    return lines.filter((line) => line.includes(requestId)).map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  await expect.poll(logged).toEqual([expect.objectContaining({ level: 'warn', msg: 'next-auth', code: 'INVALID_CALLBACK_URL_ERROR', requestId })]);
  const [line] = await logged();
  expect(new Date(String(line!.time)).getTime()).toBeGreaterThan(Date.now() - 60_000);
  // What was sent is not repeated into the log.
  expect(JSON.stringify(line)).not.toContain('javascript');
});

test('every page names the site’s icon, and it is there (no 404 in the browser’s console)', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  for (const path of ['/zh', '/en/blog/welcome-to-qiao']) {
    await page.goto(path);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await request.get(href!);
    expect(icon.status(), path).toBe(200);
    expect(icon.headers()['content-type'], path).toContain('image/svg+xml');
  }
  expect(errors).toEqual([]);
});
