import { expect, test, type Page } from '@playwright/test';
import { createUser, signIn, uniqueIp } from './support/accounts';
import { createEnglishPost } from './support/translation';

// Every kind of page a visitor can reach, cached or rendered per request (lib/csp.ts): each must
// name the scripts it may run, and Next's own must all run.
const PUBLIC_PAGES = [
  '',
  '/blog',
  '/blog?page=1',
  '/blog/welcome-to-qiao',
  // Math (KaTeX's fonts and styles) and highlighted code.
  '/blog/diffusion-models-explained',
  '/blog/fine-tuning-with-lora',
  '/blog/no-such-post',
  '/blog?untranslated=welcome-to-qiao',
  '/search',
  '/search?q=lora',
  '/events',
  '/events/winter-translation-sprint-2026',
  '/channels',
  '/tags/community',
  '/authors/linqiao',
  '/sign-in',
  '/register',
  '/forgot-password',
  '/no-such-page',
];

/** The script-src of the response's policies (the browser enforces each policy sent). */
function scriptPolicies(response: { headers(): Record<string, string> } | null): string[] {
  const policies = (response?.headers()['content-security-policy'] ?? '').split(/,|\n/);
  return policies.flatMap((p) => p.split(';').map((d) => d.trim()).filter((d) => d.startsWith('script-src')));
}

/** The one script-src a page must have. */
function scriptPolicy(response: { headers(): Record<string, string> } | null): string {
  const policies = scriptPolicies(response);
  expect(policies, 'one policy names the scripts').toHaveLength(1);
  return policies[0] ?? '';
}

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** React has taken over the page: Next's scripts, inline and loaded, all ran. */
async function expectHydrated(page: Page, path: string) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber'))), {
      message: path,
    })
    .toBe(true);
}

for (const locale of ['en', 'zh']) {
  test(`every public page in ${locale} names the scripts it may run, and all of Next's run`, async ({ page }) => {
    test.setTimeout(120_000);
    const violations = watchViolations(page);
    for (const suffix of PUBLIC_PAGES) {
      const path = `/${locale}${suffix}`;
      // Twice: the second visit to a cached page is served from the cache, with the policy it
      // was stored with, and must still run.
      for (const visit of [1, 2]) {
        const response = await page.goto(path);
        const scripts = scriptPolicy(response);
        const cached = response?.headers()['x-nextjs-cache'] !== undefined;
        // From the cache: hashes only (a nonce would be its first visitor's). Rendered for this
        // request: a nonce.
        expect(scripts, `${path} (${visit})`).toMatch(cached ? /^script-src 'self'( 'sha256-[^']+')+$/ : / 'nonce-[^']+' 'strict-dynamic'$/);
        expect(scripts, path).not.toMatch(/unsafe-(inline|eval)|\*/);
        await expectHydrated(page, path);
      }
    }
    expect(violations).toEqual([]);
  });
}

test('a page from the cache names its scripts by hash, and a script slipped into it does not run', async ({ page, request }) => {
  const { slug } = await createEnglishPost({ title: 'Scripts by hash', body: 'One rendering for every visitor.' });
  const path = `/en/blog/${slug}`;
  await request.get(path);
  const cached = await request.get(path);
  // Tests running beside this one may have marked it for a new rendering: served all the same.
  expect(['HIT', 'STALE']).toContain(cached.headers()['x-nextjs-cache']);
  expect(scriptPolicy(cached)).toMatch(/^script-src 'self'( 'sha256-[^']+')+$/);

  // Whatever reaches the page on the way (a stored fragment the sanitizer missed, a tampering
  // proxy) is not one of the scripts the page was rendered with.
  await page.route(path, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script>window.__injected = true</script></body>');
    await route.fulfill({ response, body: html });
  });
  const violations = watchViolations(page);
  await page.goto(path);
  await expectHydrated(page, path);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatch(/inline script/i);
});

test('a page rendered per request gets a fresh nonce every time; signed in, cached pages keep their hashes and run', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const policy = scriptPolicy(await page.goto('/zh/sign-in'));
    nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? '');
  }
  expect(nonces.size).toBe(3);
  expect(nonces).not.toContain('');

  // Signed in, the public pages are the same cached pages, with their hashes; the header's
  // account menu is drawn by those scripts.
  const violations = watchViolations(page);
  await signIn(page, await createUser('VOLUNTEER'));
  const response = await page.goto('/en/blog/welcome-to-qiao');
  expect(scriptPolicy(response)).toMatch(/'sha256-/);
  await expectHydrated(page, '/en/blog/welcome-to-qiao');
  expect(violations).toEqual([]);
  await context.close();
});
