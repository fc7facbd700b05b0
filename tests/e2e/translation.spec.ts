import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createUser, signIn, uniqueIp, type TestAccount } from './support/accounts';
import { createEnglishPost } from './support/translation';

// The whole translation workflow as its users live it: a volunteer working in Chinese, a reviewer
// in English, an admin in Chinese. Each works in their own browser; the steps share one post.

const BODY = ['## Why bridges matter', 'Translation connects communities.', 'Read [the guide](https://example.com/guide) before you start.', "```js\nconsole.log('bridge');\n```"].join('\n\n');
const EDITED = BODY.replace('Translation connects communities.', 'Translation connects communities across languages.');

async function browse(browser: Browser, account: TestAccount, locale: 'en' | 'zh', path: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, account, { locale, callbackUrl: `/${locale}${path}` });
  return page;
}

/** Block n (1-based) of the editor, by the label a screen reader announces. */
const zhBlock = (page: Page, n: number, kind: string) => page.getByRole('textbox', { name: `第 ${n} 段，共 4 段，${kind}` });
const zhSaved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /已于 .+ 保存/ })).toBeVisible({ timeout: 10_000 });

test.describe('translating a post from claim to publication, and updating it when the original changes', () => {
  test.describe.configure({ mode: 'serial' });
  test.setTimeout(90_000);

  let volunteer: TestAccount;
  let reviewer: TestAccount;
  let admin: TestAccount;
  let post: { slug: string; postId: string };
  const tag = Math.random().toString(36).slice(2, 8);
  const sourceTitle = `Bridges between languages ${tag}`;
  const title = `语言之间的桥梁 ${tag}`;

  test.beforeAll(async () => {
    [volunteer, reviewer, admin] = await Promise.all([
      createUser('VOLUNTEER', { name: `志愿者 ${tag}` }),
      createUser('REVIEWER', { name: `Reviewer ${tag}` }),
      createUser('ADMIN', { name: `Admin ${tag}` }),
    ]);
    post = await createEnglishPost({ title: sourceTitle, body: BODY });
  });

  test('a volunteer claims the post, translates it, resolves a save conflict from a second tab, and submits', async ({ browser }) => {
    const page = await browse(browser, volunteer, 'zh', '/translate');
    await expect(page.getByRole('heading', { level: 1, name: '翻译' })).toBeVisible();
    await page.getByRole('button', { name: `认领：${sourceTitle}` }).click();
    await expect(page).toHaveURL(/\/zh\/translate\/[\w-]+$/);
    const editorUrl = page.url();

    await expect(page.getByText('检查：4 个错误，没有提醒')).toBeVisible();
    await expect(page.getByRole('button', { name: '提交审校' })).toBeDisabled();
    await expect(page.getByText('提交前请先修正 4 个错误。')).toBeVisible();
    // The code block starts as a copy of the source; prose starts empty.
    await expect(page.getByRole('textbox', { name: '第 4 段，共 4 段，代码' })).toHaveValue("```js\nconsole.log('bridge');\n```");

    await page.getByRole('textbox', { name: '中文标题' }).fill(title);
    await zhBlock(page, 1, '标题').fill('## 为什么桥梁很重要');
    await zhBlock(page, 2, '段落').fill('翻译把社区连接起来。');
    await zhBlock(page, 3, '段落').fill('开始之前请阅读指南。');
    // The block's problem is announced with its field, and listed in the summary.
    await expect(zhBlock(page, 3, '段落')).toHaveAccessibleDescription('错误：缺少原文中的链接：https://example.com/guide');
    await expect(page.getByRole('button', { name: '第 3 段：缺少原文中的链接：https://example.com/guide' })).toBeVisible();
    await zhBlock(page, 3, '段落').fill('开始之前请阅读[指南](https://example.com/guide)。');
    await expect(page.getByText('检查：没有错误，没有提醒')).toBeVisible();
    await zhSaved(page);

    await page.getByRole('tab', { name: '预览' }).click();
    await expect(page.getByRole('tabpanel').getByRole('link', { name: '指南' })).toHaveAttribute('href', 'https://example.com/guide');
    await page.getByRole('tab', { name: '对照编辑' }).click();

    // A second tab of the same browser saves block 2 first.
    const other = await page.context().newPage();
    await other.goto(editorUrl);
    await zhBlock(other, 2, '段落').fill('翻译让社区相连（另一个标签页）。');
    await other.keyboard.press('Control+s');
    await zhSaved(other);

    // This tab, still on the older version, is refused and keeps its own text.
    await zhBlock(page, 2, '段落').fill('翻译把不同的社区连接起来。');
    await expect(page.getByRole('alert').filter({ hasText: '有人保存了这份草稿' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('status').filter({ hasText: '未保存：有人保存了另一个版本' })).toBeVisible();
    await expect(zhBlock(page, 2, '段落')).toHaveValue('翻译把不同的社区连接起来。');
    const block2 = page.locator('section', { has: zhBlock(page, 2, '段落') });
    await expect(block2.getByText('翻译让社区相连（另一个标签页）。')).toBeVisible();
    await block2.getByRole('button', { name: '保留我的' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '有人保存了这份草稿' })).toHaveCount(0);
    await zhSaved(page);

    await other.reload();
    await expect(zhBlock(other, 2, '段落')).toHaveValue('翻译把不同的社区连接起来。');
    await other.close();

    await page.getByRole('button', { name: '提交审校' }).click();
    await expect(page).toHaveURL(/\/zh\/translate\?submitted=1$/);
    await expect(page.getByRole('status').filter({ hasText: '已提交审校' })).toBeVisible();
    await expect(page.getByRole('region', { name: /已提交/ }).getByText(title)).toBeVisible();
  });

  test('a reviewer comments on a block and requests changes', async ({ browser }) => {
    const page = await browse(browser, reviewer, 'en', '/review');
    await page.getByRole('link', { name: `Review: ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review: “${sourceTitle}” in Chinese`);
    const block = page.locator('section', { hasText: 'Translation connects communities.' });
    await block.getByText('Comment on this block').click();
    await block.getByRole('textbox', { name: 'Comment on block 2' }).fill('“把…连接起来” reads better as “连接”.');
    await block.getByRole('button', { name: 'Add comment' }).click();
    await expect(block.getByRole('list', { name: 'Comments' })).toContainText('“把…连接起来” reads better as “连接”.');

    await page.getByRole('button', { name: 'Request changes' }).click();
    await expect(page.getByRole('textbox', { name: 'Request changes' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Request changes' }).fill('Please shorten the second paragraph.');
    await page.getByRole('button', { name: 'Request changes' }).click();
    await expect(page).toHaveURL(/\/en\/review\?changesRequested=1$/);
    await expect(page.getByRole('status')).toContainText('Changes requested: the translator sees your note');
    await expect(page.getByRole('link', { name: `Review: ${title}` })).toHaveCount(0);
  });

  test('the volunteer sees the note, fixes the block and resubmits', async ({ browser }) => {
    const page = await browse(browser, volunteer, 'zh', '/translate');
    const changes = page.getByRole('region', { name: /需要修改/ });
    await expect(changes).toContainText('Please shorten the second paragraph.');
    await changes.getByRole('link', { name: `修改：${title}` }).click();
    await expect(page.getByRole('heading', { name: '审校者要求修改' })).toBeVisible();
    await expect(page.getByRole('list', { name: '审校意见' })).toContainText('reads better as “连接”');
    await zhBlock(page, 2, '段落').fill('翻译连接社区。');
    await zhSaved(page);
    await page.keyboard.press('Control+Enter');
    await expect(page).toHaveURL(/\/zh\/translate\?submitted=1$/);
  });

  test('the reviewer approves, and the Chinese post is public with its credits', async ({ browser }) => {
    const page = await browse(browser, reviewer, 'en', '/review');
    await page.getByRole('link', { name: `Review: ${title}` }).click();
    await page.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(page.getByRole('status')).toContainText('Approved and published.');
    await page.getByRole('link', { name: 'See the published post' }).click();
    await expect(page).toHaveURL(new RegExp(`/zh/blog/${post.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('article').getByText('翻译连接社区。')).toBeVisible();
    await expect(page.getByText('译者').locator('..')).toContainText(`志愿者 ${tag}`);
    await expect(page.getByText('校对', { exact: true }).locator('..')).toContainText(`Reviewer ${tag}`);
    await expect(page.getByRole('note')).toHaveCount(0);
  });

  test('an admin edits the English original, and the Chinese page says it is behind', async ({ browser }) => {
    const page = await browse(browser, admin, 'zh', `/admin/posts/${post.slug}/edit`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`编辑原文：${sourceTitle}`);
    await page.getByRole('textbox', { name: '正文（Markdown）' }).fill(EDITED);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toHaveText('已保存。基于旧文本的译文现已标为落后于原文。');

    await page.goto(`/zh/blog/${post.slug}`);
    await expect(page.getByRole('note')).toHaveText('原文在翻译完成后有更新，译文的部分内容可能已过时。');
  });

  test('the volunteer updates only the changed block, and after approval the notice is gone', async ({ browser }) => {
    const page = await browse(browser, volunteer, 'zh', '/translate');
    await page.getByRole('region', { name: /落后于原文/ }).getByRole('button', { name: `更新译文：${title}` }).click();
    await expect(page).toHaveURL(/\/zh\/translate\/[\w-]+$/);

    await expect(page.getByRole('checkbox', { name: '只显示有改动的段落' })).toBeChecked();
    await expect(page.locator('textarea')).toHaveCount(1);
    const changed = page.locator('section', { has: zhBlock(page, 2, '段落') });
    await expect(changed.locator('ins', { hasText: 'across' })).toBeVisible();
    await expect(changed.getByText('原文的改动')).toBeVisible();
    // The earlier translation is kept as the starting point.
    await expect(zhBlock(page, 2, '段落')).toHaveValue('翻译连接社区。');
    await zhBlock(page, 2, '段落').fill('翻译跨越语言，连接社区。');
    await zhSaved(page);
    await page.getByRole('checkbox', { name: '只显示有改动的段落' }).uncheck();
    await expect(page.locator('textarea')).toHaveCount(4);
    await page.getByRole('button', { name: '提交审校' }).click();
    await expect(page).toHaveURL(/\/zh\/translate\?submitted=1$/);

    const review = await browse(browser, reviewer, 'en', '/review');
    await review.getByRole('link', { name: `Review: ${title}` }).click();
    await review.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(review.getByRole('status')).toContainText('Approved and published.');

    await page.goto(`/zh/blog/${post.slug}`);
    await expect(page.locator('article').getByText('翻译跨越语言，连接社区。')).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});

test.describe('who may open which page', () => {
  // Each test signs in one or two fresh accounts; on a busy two-core machine that alone takes seconds.
  test.setTimeout(60_000);
  for (const locale of ['en', 'zh'] as const) {
    test(`a visitor is sent to sign in from the translation dashboard (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/translate`);
      await expect(page).toHaveURL(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/translate`)}`);
    });
  }

  test('a volunteer gets the ordinary 404 on review, admin and someone else’s draft pages', async ({ browser }) => {
    const [owner, other] = await Promise.all([createUser('VOLUNTEER'), createUser('VOLUNTEER')]);
    const { slug } = await createEnglishPost({ title: `Not yours ${Math.random().toString(36).slice(2, 8)}`, body: 'Just one paragraph.' });
    const ownerPage = await browse(browser, owner, 'en', '/translate');
    await ownerPage.getByRole('button', { name: /^Claim: Not yours/ }).first().click();
    await expect(ownerPage).toHaveURL(/\/en\/translate\/[\w-]+$/);
    const draftPath = new URL(ownerPage.url()).pathname;

    const page = await browse(browser, other, 'en', '/translate');
    for (const path of ['/en/review', '/en/admin/glossary', `/en/admin/posts/${slug}/edit`, draftPath]) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 404]);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });

  test('a reviewer keeps the glossary, and translators see its terms in the source', async ({ browser }) => {
    const reviewer = await createUser('REVIEWER');
    const term = `bridgeword${Math.random().toString(36).slice(2, 6)}`;
    const page = await browse(browser, reviewer, 'en', '/admin/glossary');
    await page.getByRole('textbox', { name: 'Term (as in the original)' }).fill(term);
    await page.getByRole('textbox', { name: 'Agreed translation' }).fill('桥词');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.getByRole('button', { name: 'Save term' }).click();
    await expect(page.getByRole('row', { name: new RegExp(term) })).toContainText('桥词');

    const volunteer = await createUser('VOLUNTEER');
    const postTitle = `Glossary ${term}`;
    await createEnglishPost({ title: postTitle, body: `A ${term} is used here.` });
    const editor = await browse(browser, volunteer, 'zh', '/translate');
    await editor.getByRole('button', { name: `认领：${postTitle}` }).click();
    await expect(editor.locator('mark', { hasText: term })).toHaveAttribute('title', '桥词');
    await expect(editor.getByRole('definition').filter({ hasText: '桥词' })).toBeVisible();
  });
});

test.describe('accessibility of the workflow pages', () => {
  test.setTimeout(60_000);

  async function serious(page: Page) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  test('the dashboard, the editor with its checks, and the preview have no serious violations, in both languages', async ({ browser }) => {
    const volunteer = await createUser('VOLUNTEER');
    const postTitle = `Accessible ${Math.random().toString(36).slice(2, 8)}`;
    await createEnglishPost({ title: postTitle, body: BODY });
    const page = await browse(browser, volunteer, 'zh', '/translate');
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: `认领：${postTitle}` }).click();
    await expect(page).toHaveURL(/\/zh\/translate\/[\w-]+$/);
    await zhBlock(page, 2, '段落').fill('翻译连接GPU社区。');
    await zhSaved(page);
    expect(await serious(page)).toEqual([]);
    await page.goto(page.url().replace('/zh/', '/en/'));
    await page.getByRole('tab', { name: 'Preview' }).click();
    await expect(page.getByRole('tabpanel').getByText('翻译连接GPU社区。')).toBeVisible();
    expect(await serious(page)).toEqual([]);
  });
});
