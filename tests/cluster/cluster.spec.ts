import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createUser, postCredentials, signIn, uniqueIp } from '../e2e/support/accounts';
import { createEnglishPost } from '../e2e/support/translation';

// Two instances of one build behind nginx, sharing PostgreSQL and Redis (scripts/test.mjs starts
// them with scripts/lib/cluster.mjs). A and B are the instances themselves; EDGE is nginx.
const [A, B] = (process.env.CLUSTER_INSTANCES ?? '').split(',');
const EDGE = process.env.CLUSTER_URL ?? '';
const REDIS_PORT = process.env.CLUSTER_REDIS_PORT ?? '';

test.describe.configure({ mode: 'serial' });

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A Chinese translation of a new English post, submitted by a volunteer and waiting for review. */
async function submittedTranslation() {
  const post = await createEnglishPost({ title: `Across instances ${randomUUID().slice(0, 6)}`, body: 'Bridges connect people.' });
  const volunteer = await createUser('VOLUNTEER');
  const [revision] = await sql<{ id: string }>(`SELECT "id" FROM "SourceRevision" WHERE "postId" = $1`, [post.postId]);
  const draftId = `cluster_${randomUUID().replace(/-/g, '')}`;
  const title = `跨实例 ${randomUUID().slice(0, 6)}`;
  await sql(
    `INSERT INTO "TranslationDraft" ("id", "postId", "locale", "translatorId", "status", "title", "blocks", "sourceRevisionId", "submittedAt", "updatedAt")
     VALUES ($1, $2, 'zh', $3, 'SUBMITTED', $4, $5, $6, now(), now())`,
    [draftId, post.postId, volunteer.id, title, JSON.stringify(['桥梁把人们连接起来。']), revision!.id],
  );
  return { ...post, draftId, title };
}

test('a session started on instance A works on instance B', async ({ playwright, browser }) => {
  const account = await createUser('VOLUNTEER', { name: `Cluster ${randomUUID().slice(0, 6)}` });
  const onA = await playwright.request.newContext({ baseURL: A, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  expect((await postCredentials(onA, account.email, account.password)).status()).toBe(200);
  const context = await browser.newContext({ storageState: await onA.storageState() });
  const page = await context.newPage();
  await page.goto(`${B}/en/account`);
  await expect(page).toHaveURL(`${B}/en/account`);
  await expect(page.getByText(account.email)).toBeVisible();
  await context.close();
  await onA.dispose();
});

test('a session cookie saved before signing out on instance A is refused by both instances', async ({ playwright }) => {
  const account = await createUser();
  const onA = await playwright.request.newContext({ baseURL: A, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  expect((await postCredentials(onA, account.email, account.password)).status()).toBe(200);
  const saved = await onA.storageState();
  const signedInAs = async (base: string) => {
    const replay = await playwright.request.newContext({ baseURL: base, storageState: saved });
    const session = (await (await replay.get('/api/auth/session')).json()) as { user?: { email?: string } };
    const page = await replay.get('/en/account', { maxRedirects: 0 });
    const accountPage = page.status() === 200 ? 'shown' : (page.headers()['location'] ?? `status ${page.status()}`);
    await replay.dispose();
    return { email: session.user?.email ?? null, accountPage };
  };
  for (const base of [A!, B!]) expect(await signedInAs(base)).toEqual({ email: account.email, accountPage: 'shown' });

  const { csrfToken } = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await onA.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/en', json: 'true' } })).status()).toBe(200);
  for (const base of [A!, B!]) {
    expect(await signedInAs(base)).toEqual({ email: null, accountPage: expect.stringContaining('/en/sign-in?callbackUrl=') });
  }
  await onA.dispose();
});

test('a sign-in limit reached on instance A holds on instance B', async ({ playwright }) => {
  const account = await createUser();
  const ip = uniqueIp();
  const onA = await playwright.request.newContext({ baseURL: A, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const onB = await playwright.request.newContext({ baseURL: B, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  for (let i = 0; i < 5; i++) expect((await postCredentials(onA, account.email, 'not the password')).status()).toBe(401);
  // The right password, on the other instance: still refused until the window passes.
  const refused = await postCredentials(onB, account.email, account.password);
  expect(refused.status()).toBe(429);
  expect(await refused.json()).toMatchObject({ error: 'RateLimited' });
  await Promise.all([onA.dispose(), onB.dispose()]);
});

test('a translation approved on instance A is on the pages instance B serves within 5 s', async ({ browser }) => {
  const draft = await submittedTranslation();
  const reviewer = await createUser('REVIEWER');
  // B has the English page in its cache, offering no Chinese version yet.
  for (let i = 0; i < 2; i++) {
    const page = await fetch(`${B}/en/blog/${draft.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('hrefLang="zh"');
  }

  const context = await browser.newContext({ baseURL: A, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, reviewer, { callbackUrl: `/en/review/${draft.draftId}` });
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status')).toContainText('Approved and published.');
  const approvedAt = Date.now();

  await expect
    .poll(async () => (await fetch(`${B}/en/blog/${draft.slug}`)).text(), { timeout: 5_000, intervals: [100] })
    .toContain('hrefLang="zh"');
  const chinese = await fetch(`${B}/zh/blog/${draft.slug}`);
  expect(chinese.status).toBe(200);
  expect(await chinese.text()).toContain(draft.title);
  expect(Date.now() - approvedAt).toBeLessThan(5_000);
  await context.close();
});

test.describe('nginx in front', () => {
  test('keeps public pages for anonymous visitors, compressed, with a request id', async () => {
    const { slug } = await createEnglishPost({ title: 'Cached at the edge', body: 'Served from nginx.' });
    const first = await fetch(`${EDGE}/en/blog/${slug}`, { headers: { 'accept-language': 'en' } });
    expect(first.status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${EDGE}/en/blog/${slug}`, { headers: { 'accept-language': 'en' } })).headers.get('x-cache-status'))
      .toBe('HIT');
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) ids.add((await fetch(`${EDGE}/en/blog/${slug}`)).headers.get('x-request-id'));
    expect([...ids].every((id) => id && /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(ids.size).toBe(3);
    const gz = await fetch(`${EDGE}/en/blog/${slug}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toContain('Cached at the edge');
  });

  test('a page cached in Redis and at the edge keeps the policy naming its scripts, and they run', async ({ page }) => {
    const { slug } = await createEnglishPost({ title: 'Scripts by hash', body: 'One rendering for everyone.' });
    const path = `/en/blog/${slug}`;
    // Next sends this beside next.config.ts's policy; fetch joins them with ", ", Playwright with "\n".
    const scripts = (header: string | null | undefined) => /script-src [^;,\n]*/.exec(header ?? '')?.[0];
    const policy = (response: Response) => scripts(response.headers.get('content-security-policy'));
    const rendered = await fetch(`${A}${path}`);
    expect(policy(rendered)).toMatch(/^script-src 'self'( 'sha256-[^']+')+$/);
    // Instance B serves A's rendering from Redis, with the policy stored beside it.
    const fromRedis = await fetch(`${B}${path}`);
    expect(fromRedis.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(policy(fromRedis)).toBe(policy(rendered));

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const hydrated = () => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber')));
    await page.goto(`${EDGE}${path}`);
    await expect.poll(hydrated).toBe(true);
    await expect.poll(async () => (await fetch(`${EDGE}${path}`)).headers.get('x-cache-status')).toBe('HIT');
    // nginx's copy: the same policy, and React takes over the page, so every script Next
    // rendered into it ran.
    const fromEdge = await page.goto(`${EDGE}${path}`);
    expect(fromEdge?.headers()['x-cache-status']).toBe('HIT');
    expect(scripts(fromEdge?.headers()['content-security-policy'])).toBe(policy(rendered));
    await expect.poll(hydrated).toBe(true);
    expect(violations).toEqual([]);
  });

  test('never serves or stores a page for a signed-in visitor, nor a private page', async ({ browser }) => {
    const { slug } = await createEnglishPost({ title: 'Signed in at the edge', body: 'Not from the cache.' });
    const account = await createUser('VOLUNTEER', { name: `Edge ${randomUUID().slice(0, 6)}` });
    // Anonymous visitors fill the cache first.
    await expect.poll(async () => (await fetch(`${EDGE}/en/blog/${slug}`)).headers.get('x-cache-status')).toBe('HIT');

    const context = await browser.newContext({ baseURL: EDGE });
    const page = await context.newPage();
    await signIn(page, account);
    const seen = page.waitForResponse((r) => r.url() === `${EDGE}/en/blog/${slug}`);
    await page.goto(`/en/blog/${slug}`);
    expect((await seen).headers()['x-cache-status']).toBe('BYPASS');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    for (let i = 0; i < 2; i++) {
      const response = await page.goto('/en/account');
      expect(response?.headers()['x-cache-status']).toBe('BYPASS');
      expect(response?.headers()['cache-control']).toContain('no-store');
      await expect(page.getByText(account.email)).toBeVisible();
    }
    // The account page did not go into the cache for the next visitor: an anonymous one is sent
    // to sign in, every time by the app.
    for (let i = 0; i < 2; i++) {
      const redirect = await fetch(`${EDGE}/en/account`, { redirect: 'manual' });
      expect(redirect.status).toBeGreaterThanOrEqual(300);
      expect(redirect.headers.get('x-cache-status')).not.toBe('HIT');
    }
    await context.close();
  });

  test('refuses a request body over its limit before the app sees it', async () => {
    const response = await fetch(`${EDGE}/en/sign-in`, { method: 'POST', body: Buffer.alloc(5 * 1024 * 1024, 97) });
    expect(response.status).toBe(413);
  });
});

test('with Redis down, pages come from PostgreSQL and readiness says the cache is out', async () => {
  const { slug } = await createEnglishPost({ title: 'Without the shared cache', body: 'Rendered from the database.' });
  spawnSync('redis-cli', ['-p', REDIS_PORT, 'shutdown', 'nosave']);
  try {
    await expect.poll(async () => (await (await fetch(`${A}/api/ready`)).json()).status, { timeout: 10_000 }).toBe('degraded');
    const ready = await fetch(`${A}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: { ok: true }, cache: { ok: false } } });
    for (const instance of [A, B]) {
      const page = await fetch(`${instance}/en/blog/${slug}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Without the shared cache');
    }
  } finally {
    spawnSync('redis-server', ['--port', REDIS_PORT, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
  }
  await expect.poll(async () => (await (await fetch(`${A}/api/ready`)).json()).status, { timeout: 10_000 }).toBe('ready');
});
