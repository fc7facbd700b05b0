import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { prepareLocalization, sourceBlockHashes } from '../../lib/content/prepare';
import { createUser, signIn, uniqueIp, type Role } from './support/accounts';

const UI = {
  en: { publish: 'Publish now', unpublish: 'Unpublish', schedule: 'Schedule…', published: 'Published', unpublished: 'Unpublished', scheduled: 'Scheduled', goesLive: 'Goes live' },
  zh: { publish: '立即发布', unpublish: '撤下', schedule: '定时发布…', published: '已发布', unpublished: '已撤下', scheduled: '定时发布', goesLive: '上线' },
} as const;

const THUMBNAIL = {
  en: { link: (title: string) => `Thumbnail of “${title}”`, save: 'Save thumbnail', saved: 'Thumbnail saved.', remove: 'Remove the thumbnail', svg: 'Only PNG, JPEG and WebP images are accepted.' },
  zh: { link: (title: string) => `“${title}”的缩略图`, save: '保存缩略图', saved: '缩略图已保存。', remove: '移除缩略图', svg: '仅支持 PNG、JPEG 和 WebP 图片。' },
} as const;

/** The og:image of a public post page, as a path on this site, or null. */
async function ogImagePath(page: Page, slug: string): Promise<string | null> {
  const html = await (await page.request.get(`/en/blog/${slug}`)).text();
  const content = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  return content ? new URL(content.replace(/&amp;/g, '&')).pathname : null;
}

/**
 * A published English post dated long ago, so that it sits at the end of the public listing and
 * does not push the demo posts other tests look for off its first page.
 */
async function createOldPost(title: string) {
  const slug = `e2e-pa-${randomUUID().slice(0, 8)}`;
  const id = (label: string) => `e2e_${label}_${randomUUID().replace(/-/g, '')}`;
  const [postId, revisionId] = [id('post'), id('rev')];
  const prepared = prepareLocalization({ title, body: `Text of ${title}.` });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Post" ("id", "slug", "sourceLocale", "publishedAt", "updatedAt") VALUES ($1, $2, 'en', '2001-01-01', now())`, [postId, slug]);
    await client.query(`INSERT INTO "SourceRevision" ("id", "postId", "locale", "body", "blockHashes") VALUES ($1, $2, 'en', $3, $4)`, [revisionId, postId, prepared.body, JSON.stringify(sourceBlockHashes(prepared.body))]);
    await client.query(
      `INSERT INTO "PostLocalization" ("id", "postId", "locale", "title", "summary", "body", "html", "toc", "readingMinutes", "status", "publishedAt", "sourceRevisionId", "searchTitle", "searchText", "updatedAt")
       VALUES ($1, $2, 'en', $3, $4, $5, $6, $7, $8, 'PUBLISHED', '2001-01-01', $9, $10, $11, now())`,
      [id('loc'), postId, prepared.title, prepared.summary, prepared.body, prepared.html, JSON.stringify(prepared.toc), prepared.readingMinutes, revisionId, prepared.searchTitle, prepared.searchText],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return slug;
}

async function signedIn(browser: Browser, role: Role, locale: 'en' | 'zh'): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser(role), { locale });
  return page;
}

/** The English column of the post's row in the admin list, filtered down to that post. */
async function englishCell(page: Page, locale: 'en' | 'zh', slug: string): Promise<Locator> {
  await page.goto(`/${locale}/admin/posts?q=${slug}`);
  return page.locator(`tr[data-slug="${slug}"] td[data-locale="en"]`);
}

const publicStatus = async (page: Page, slug: string) => (await page.request.get(`/en/blog/${slug}`, { maxRedirects: 0 })).status();

for (const locale of ['en', 'zh'] as const) {
  const ui = UI[locale];

  test.describe(`the posts admin in ${locale}`, () => {
    test('an admin unpublishes a post, its page is gone, and publishing brings it back', async ({ browser }) => {
      const word = `toggle${randomUUID().slice(0, 6)}`;
      const title = `Toggle ${word}`;
      const slug = await createOldPost(title);
      const page = await signedIn(browser, 'ADMIN', locale);
      expect(await publicStatus(page, slug)).toBe(200);
      // Search results are page-cached: this search is cached now, and must not outlive the change.
      const searchFinds = async () => (await (await page.request.get(`/en/search?q=${word}`)).text()).includes(`/en/blog/${slug}`);
      expect(await searchFinds()).toBe(true);

      const cell = await englishCell(page, locale, slug);
      await expect(cell).toHaveAttribute('data-status', 'published');
      await expect(cell).toContainText(ui.published);
      await cell.locator('button', { hasText: ui.unpublish }).click();
      await expect(cell).toHaveAttribute('data-status', 'unpublished');
      await expect(cell).toContainText(ui.unpublished);
      expect(await publicStatus(page, slug)).toBe(404);
      expect(await searchFinds()).toBe(false);

      await cell.locator('button', { hasText: ui.publish }).click();
      await expect(cell).toHaveAttribute('data-status', 'published');
      expect(await publicStatus(page, slug)).toBe(200);
      expect(await searchFinds()).toBe(true);
      await page.goto(`/en/blog/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    });

    test('an admin schedules a post and the list says when it goes live', async ({ browser }) => {
      const slug = await createOldPost(`Later ${randomUUID().slice(0, 6)}`);
      const page = await signedIn(browser, 'ADMIN', locale);
      const cell = await englishCell(page, locale, slug);
      await cell.locator('button', { hasText: ui.unpublish }).click();
      await expect(cell).toHaveAttribute('data-status', 'unpublished');

      await cell.getByText(ui.schedule).click();
      await cell.locator('input[type="datetime-local"]').fill('2031-05-06T09:30');
      await cell.locator('details form button[type="submit"]').click();
      await expect(cell).toHaveAttribute('data-status', 'scheduled');
      await expect(cell).toContainText(ui.scheduled);
      await expect(cell).toContainText(ui.goesLive);
      await expect(cell).toContainText('UTC');
      expect(await publicStatus(page, slug)).toBe(404);

      // The same post found again through the status filter, after a reload.
      await page.goto(`/${locale}/admin/posts?status=scheduled&lang=en&q=${slug}`);
      await expect(page.locator(`tr[data-slug="${slug}"] td[data-locale="en"]`)).toHaveAttribute('data-status', 'scheduled');
    });

    test('the list, with a schedule form open, has no serious accessibility violations', async ({ browser }) => {
      // Two axe runs over a page with a 400-zone select: slower than the others on a busy machine.
      test.setTimeout(60_000);
      const slug = await createOldPost(`Axe ${randomUUID().slice(0, 6)}`);
      const page = await signedIn(browser, 'ADMIN', locale);
      const cell = await englishCell(page, locale, slug);
      await cell.locator('button', { hasText: ui.unpublish }).click();
      await cell.getByText(ui.schedule).click();
      await expect(cell.locator('input[type="datetime-local"]')).toBeVisible();
      for (const check of [() => Promise.resolve(), () => page.goto(`/${locale}/admin/posts`)]) {
        await check();
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });

    test('a volunteer, and a visitor, cannot reach the posts admin', async ({ browser }) => {
      const volunteer = await signedIn(browser, 'VOLUNTEER', locale);
      const response = await volunteer.goto(`/${locale}/admin/posts`);
      expect(response?.status()).toBe(404);
      await expect(volunteer.locator('tr[data-slug]')).toHaveCount(0);
      const visitor = await (await browser.newContext()).newPage();
      expect((await visitor.goto(`/${locale}/admin/posts`))?.status()).toBe(404);
    });
  });
}

for (const locale of ['en', 'zh'] as const) {
  test(`an admin uploads a post thumbnail, the post page shares it, and removes it (${locale})`, async ({ browser }) => {
    const t = THUMBNAIL[locale];
    const title = `Thumbnail ${randomUUID().slice(0, 6)}`;
    const slug = await createOldPost(title);
    const page = await signedIn(browser, 'ADMIN', locale);
    const stamp = randomUUID().slice(0, 8);
    const good = path.join(tmpdir(), `thumb-${stamp}.png`);
    const svg = path.join(tmpdir(), `thumb-${stamp}.svg`);
    await writeFile(good, await sharp({ create: { width: 48, height: 48, channels: 3, background: '#a26' } }).png().toBuffer());
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(await ogImagePath(page, slug)).toBeNull();

    await page.goto(`/${locale}/admin/posts?q=${slug}`);
    await page.locator(`tr[data-slug="${slug}"]`).getByRole('link', { name: t.link(title), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/admin/posts/${slug}/thumbnail$`));
    await page.locator('#post-thumbnail').setInputFiles(svg);
    await page.getByRole('button', { name: t.save }).click();
    await expect(page.locator('#post-thumbnail-error')).toHaveText(t.svg);

    await page.locator('#post-thumbnail').setInputFiles(good);
    await page.getByRole('button', { name: t.save }).click();
    await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible();
    const src = await ogImagePath(page, slug);
    expect(src).toMatch(/^\/uploads\//);
    const image = await page.request.get(src!);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toMatch(/^image\//);

    await page.getByLabel(t.remove).check();
    await page.getByRole('button', { name: t.save }).click();
    await expect(page.getByLabel(t.remove)).toHaveCount(0);
    expect(await ogImagePath(page, slug)).toBeNull();
  });
}
