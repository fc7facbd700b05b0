import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { createUser, signIn, uniqueIp } from './support/accounts';

async function sql(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function adminContext(browser: Browser, locale = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('ADMIN'), { locale });
  return { context, page };
}

/** Fails the test on any dialog: stored markup must never run on a public page. */
function forbidDialogs(page: Page) {
  page.on('dialog', async (dialog) => {
    await dialog.dismiss();
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
}

const XSS_INFO = '<img src=x onerror="window.__xss=1"> info';
const XSS_BODY = '**Bold details** <script>window.__xss=2</script> <img src=x onerror="window.__xss=3"> [link](javascript:window.__xss=4)';

test('an admin adds a directory entry: it shows on the channels page in both languages, by tag and by search, with its markup inert', async ({ browser }) => {
  const { page } = await adminContext(browser);
  const id = randomUUID().slice(0, 8);
  const name = `Directory ${id}`;
  const tag = `e2e-${id}`;

  await page.goto('/en/admin/directory/new');
  await page.locator('#directory-slug').fill(`dir-${id}`);
  await page.locator('#directory-name').fill(name);
  await page.locator('#directory-url').fill('http://insecure.example');
  await page.locator('#directory-info').fill(XSS_INFO);
  await page.locator('#directory-tags').fill(` ${tag}, 社区测试 , ${tag.toUpperCase()},`);
  await page.locator('#directory-body').fill(XSS_BODY);
  await page.getByRole('button', { name: 'Create entry' }).click();
  // Refused in the admin's language, with everything typed still there.
  await expect(page.locator('#directory-url-error')).toHaveText('Enter an address starting with https://.');
  await expect(page.locator('#directory-name')).toHaveValue(name);
  await expect(page.locator('#directory-body')).toHaveValue(XSS_BODY);
  await page.locator('#directory-url').fill('https://community.example/e2e');
  await page.getByRole('button', { name: 'Create entry' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/directory\?saved=/);
  await expect(page.locator(`li[data-entry="dir-${id}"]`)).toContainText(`${tag}, 社区测试`);

  forbidDialogs(page);
  for (const locale of ['en', 'zh'] as const) {
    await page.goto(`/${locale}/channels`);
    await page.getByRole('navigation', { name: locale === 'en' ? 'Filter by tag' : '按标签筛选' }).getByRole('link', { name: tag, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/channels\\?tag=${tag}`));
    const cards = page.locator('#directory-heading ~ ul > li');
    await expect(cards).toHaveCount(1);
    const card = cards.first();
    await expect(card.getByRole('link', { name })).toHaveAttribute('href', 'https://community.example/e2e');
    await expect(card).toContainText(XSS_INFO);
    await expect(card.locator('strong')).toHaveText('Bold details');
    await expect(card.locator('script, [onerror]')).toHaveCount(0);
    await expect(card.locator('a[href^="javascript" i]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The search box, in any case, keeps the tag filter.
    await page.locator('#directory-q').fill(`DIRECTORY ${id}`);
    await page.locator('#directory-q').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=DIRECTORY`));
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(cards).toHaveCount(1);
    await expect(page.locator('#directory-heading ~ p[role="status"]')).toContainText(locale === 'en' ? `1 entry tagged “${tag}” and matching “DIRECTORY ${id}”` : `标签“${tag}”下共有 1 个条目匹配“DIRECTORY ${id}”`);
  }

  await page.goto(`/zh/channels?q=${encodeURIComponent('社区测试')}`);
  await expect(page.locator(`li[data-entry="dir-${id}"]`)).toBeVisible();
  await page.goto(`/zh/channels?q=${encodeURIComponent(`nothing-${id}`)}`);
  await expect(page.locator('#directory-heading ~ p[role="status"]')).toHaveText(`没有条目匹配“nothing-${id}” 清除搜索`);
  await expect(page.locator('li[data-entry]')).toHaveCount(0);
});

test('without JavaScript, an admin reorders, hides and deletes directory entries', async ({ browser }) => {
  const { context } = await adminContext(browser);
  const id = randomUUID().slice(0, 8);
  const names = [`First ${id}`, `Second ${id}`];
  await sql(
    `INSERT INTO "DirectoryEntry" ("id", "slug", "name", "url", "info", "tags", "position", "updatedAt")
     SELECT 'e2e_' || s, s, n, 'https://example.org/' || s, '', ARRAY[$3::text], 100000 + o, now()
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(s, n, o)`,
    [[`first-${id}`, `second-${id}`], names, `nojs-${id}`],
  );
  const nojs = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await nojs.newPage();
  const order = async () => (await page.locator('li[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')))).filter((s) => s?.endsWith(id));

  await page.goto('/zh/admin/directory');
  expect(await order()).toEqual([`first-${id}`, `second-${id}`]);
  await page.getByRole('button', { name: `上移 ${names[1]}` }).click();
  await expect.poll(order).toEqual([`second-${id}`, `first-${id}`]);
  await page.goto(`/en/channels?tag=nojs-${id}`);
  expect(await page.locator('#directory-heading ~ ul > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')))).toEqual([`second-${id}`, `first-${id}`]);

  await page.goto('/zh/admin/directory');
  await page.getByRole('button', { name: `隐藏 ${names[0]}` }).click();
  await expect(page.locator(`li[data-entry="first-${id}"]`)).toContainText('已隐藏');
  await page.goto(`/zh/channels?tag=nojs-${id}`);
  await expect(page.locator('#directory-heading ~ ul > li')).toHaveCount(1);

  await page.goto('/zh/admin/directory');
  await page.getByRole('link', { name: `删除 ${names[1]}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`删除“${names[1]}”？`);
  await page.getByRole('button', { name: '删除条目' }).click();
  await expect(page).toHaveURL(/\/zh\/admin\/directory\?deleted=/);
  await expect(page.getByRole('status').filter({ hasText: '已删除' })).toHaveText(`已删除“${names[1]}”。`);
  expect(await order()).toEqual([`first-${id}`]);
});

test('an admin renames a tag in Chinese: the tag page, its posts and the listing show it at once', async ({ browser }) => {
  const { page } = await adminContext(browser, 'zh');
  const slug = `e2e-${randomUUID().slice(0, 8)}`;

  await page.goto('/zh/admin/tags/new');
  await page.locator('#tag-slug').fill('Not A Slug');
  await page.getByRole('button', { name: '创建标签' }).click();
  await expect(page.locator('#tag-slug-error')).toHaveText('只能使用小写字母、数字和单个连字符（最多 60 个字符）。');
  await page.locator('#tag-slug').fill(slug);
  await page.locator('#tag-labelEn').fill('E2E topic');
  await page.locator('#tag-labelZh').fill('旧的名称');
  await page.getByRole('button', { name: '创建标签' }).click();
  await expect(page).toHaveURL(/\/zh\/admin\/tags\?created=/);

  // A demo post no other test looks at carries the tag; its pages were built before.
  await sql(`INSERT INTO "PostTag" ("postId", "tagId") SELECT p."id", t."id" FROM "Post" p, "Tag" t WHERE p."slug" = 'community-sprint-recap' AND t."slug" = $1`, [slug]);

  await page.goto(`/zh/admin/tags?q=${slug}`);
  const row = page.locator(`tr[data-tag="${slug}"]`);
  await expect(row).toContainText('旧的名称');
  await expect(row.locator('td').nth(3)).toHaveText('1');
  await row.getByRole('link', { name: `编辑 ${slug}` }).click();
  await expect(page.getByText('仍有 1 篇文章使用这个标签，因此不能删除。请先从这些文章中移除它。')).toBeVisible();
  await page.locator('#tag-labelZh').fill('新的名称');
  await page.getByRole('button', { name: '保存名称' }).click();
  await expect(page).toHaveURL(/\/zh\/admin\/tags\?saved=/);

  await page.goto(`/zh/tags/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('新的名称');
  await page.goto('/zh/blog/community-sprint-recap');
  await expect(page.getByRole('list', { name: '标签' })).toContainText('#新的名称');
  // The listing page that has the post (other tests add newer posts at the same time).
  const card = page.locator('article', { has: page.locator('a[href="/zh/blog/community-sprint-recap"]') });
  for (let listing = 1; listing <= 20; listing++) {
    await page.goto(`/zh/blog?page=${listing}`);
    if (await card.count()) break;
  }
  await expect(card.getByRole('link', { name: '#新的名称' })).toBeVisible();
  await page.goto(`/en/tags/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('E2E topic');
});

test('a stale tab cannot overwrite: tag and channel saves are refused in the admin language, input kept', async ({ browser }) => {
  const { context, page } = await adminContext(browser, 'zh');
  const slug = `stale-${randomUUID().slice(0, 8)}`;
  await sql(`INSERT INTO "Tag" ("id", "slug", "labels") VALUES ($1, $2, '{"en":"Stale"}')`, [`e2e_${slug}`, slug]);
  const other = await context.newPage();
  for (const p of [page, other]) await p.goto(`/zh/admin/tags/e2e_${slug}/edit`);
  await other.locator('#tag-labelZh').fill('第一个');
  await other.getByRole('button', { name: '保存名称' }).click();
  await expect(other).toHaveURL(/saved=/);
  await page.locator('#tag-labelZh').fill('第二个');
  await page.getByRole('button', { name: '保存名称' }).click();
  await expect(page.getByText('在你编辑期间，其他人修改了这个标签。', { exact: false })).toBeVisible();
  await expect(page.locator('#tag-labelZh')).toHaveValue('第二个');

  const name = `Stale channel ${randomUUID().slice(0, 8)}`;
  await sql(`INSERT INTO "Channel" ("id", "platform", "name", "updatedAt") VALUES ($1, 'OTHER', $2, now())`, [`e2e_${slug}`, name]);
  for (const p of [page, other]) await p.goto(`/en/admin/channels/e2e_${slug}/edit`);
  await other.locator('#channel-descriptionEn').fill('First');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other).toHaveURL(/saved=/);
  await page.locator('#channel-descriptionEn').fill('Mine');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone else saved this channel while you were editing it.', { exact: false })).toBeVisible();
  await expect(page.locator('#channel-descriptionEn')).toHaveValue('Mine');
  expect((await sql(`SELECT "descriptions" FROM "Channel" WHERE "id" = $1`, [`e2e_${slug}`]))[0]?.descriptions).toEqual({ en: 'First', zh: '' });
});

test('a volunteer gets 404 on the directory and tag admin, in both languages', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('VOLUNTEER'));
  for (const locale of ['en', 'zh']) {
    for (const path of ['/admin/directory', '/admin/directory/new', '/admin/tags', '/admin/tags/new']) {
      const res = await page.goto(`/${locale}${path}`);
      expect(res?.status(), `${locale}${path}`).toBe(404);
    }
  }
});

test('the admin home leads to every section, the glossary included, in Chinese', async ({ browser }) => {
  const { context, page } = await adminContext(browser, 'zh');
  await page.goto('/zh/admin');
  const cards = page.locator('main ul').getByRole('link');
  for (const name of ['用户', '审计日志', '活动', '频道', '术语表']) await expect(cards.filter({ hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
  await page.getByRole('navigation', { name: '管理后台' }).getByRole('link', { name: '术语表' }).click();
  await expect(page).toHaveURL(/\/zh\/admin\/glossary$/);
  await expect(page.getByRole('heading', { level: 1, name: '术语表' })).toBeVisible();
  await context.close();
});
