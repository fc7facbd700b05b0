import { expect, test } from '@playwright/test';

// Runs against the demo content loaded by scripts/test.mjs (prisma/demo).

for (const { locale, blog, lora } of [
  { locale: 'en', blog: 'Blog', lora: /LoRA/ },
  { locale: 'zh', blog: '博客', lora: /LoRA 微调/ },
] as const) {
  test.describe(`reading the blog in ${locale}`, () => {
    test('home → listing → post', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      await page
        .getByRole('navigation', { name: locale === 'zh' ? '主导航' : 'Main' })
        .getByRole('link', { name: blog })
        .click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/blog$`));
      await expect(page.getByRole('heading', { level: 1, name: blog })).toBeVisible();
      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: lora }) });
      await expect(card.getByRole('link', { name: 'English' })).toBeVisible();
      await expect(card.getByRole('link', { name: '中文' })).toBeVisible();
      await card.getByRole('heading').getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/blog/fine-tuning-with-lora$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lora);
      // Table, highlighted code and server-rendered math, as a reader sees them.
      await expect(page.locator('.prose table').first()).toBeVisible();
      await expect(page.locator('.prose pre code.hljs').first()).toBeVisible();
      await expect(page.locator('.prose .katex').first()).toBeVisible();
      await expect(page.getByRole('navigation', { name: locale === 'zh' ? '目录' : 'Contents' })).toBeVisible();
      await expect(page.locator('head link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute(
        'href',
        /\/zh\/blog\/fine-tuning-with-lora$/,
      );
      await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`/${locale}/blog/fine-tuning-with-lora$`),
      );
      await expect(page.locator('head meta[property="og:image"]')).toHaveAttribute('content', /thumbnails\/fine-tuning-with-lora/);
    });

    test('a tag and an author lead to their posts', async ({ page }) => {
      await page.goto(`/${locale}/blog/fine-tuning-with-lora`);
      const tag = page
        .getByRole('list', { name: locale === 'zh' ? '标签' : 'Tags' })
        .getByRole('link')
        .first();
      const tagText = (await tag.textContent())!.replace('#', '');
      await tag.click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(tagText);
      await expect(page.getByRole('article').getByRole('heading', { name: lora })).toBeVisible();

      await page.goto(`/${locale}/blog/fine-tuning-with-lora`);
      await page.getByRole('link', { name: 'Lin Qiao' }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/authors/linqiao$`));
      await expect(page.getByRole('article').getByRole('heading', { name: lora })).toBeVisible();
    });
  });
}

test.describe('with an English browser', () => {
  test.use({ locale: 'en-US' });
  test('the switcher goes to the same post in the other language and remembers the choice', async ({ page }) => {
    await page.goto('/en/blog/fine-tuning-with-lora');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
    await expect(page).toHaveURL(/\/zh\/blog\/fine-tuning-with-lora$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('微调');
    // The translation credits its translators and proofreader and links to its original.
    await expect(page.getByText('译者')).toBeVisible();
    await expect(page.getByText('校对')).toBeVisible();
    await expect(page.getByRole('link', { name: /阅读英文原文/ }).first()).toBeVisible();
    // Visiting the root again lands in Chinese, despite an English browser.
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh$/);
  });
});

test('a guest author is marked as a guest', async ({ page }) => {
  await page.goto('/en/blog/diffusion-models-explained');
  await expect(page.locator('header dl').getByText('guest')).toBeVisible();
  await page.getByRole('link', { name: 'Maya Chen' }).first().click();
  await expect(page).toHaveURL(/\/en\/authors\/mayachen$/);
  await expect(page.getByText('Guest author', { exact: true })).toBeVisible();
});

test('a post with no version in the chosen language leads to the listing with a notice', async ({ page }) => {
  await page.goto('/en/blog/diffusion-models-explained');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/zh\/blog\?untranslated=diffusion-models-explained$/);
  const notice = page.getByRole('status');
  await expect(notice).toContainText('还没有中文版本');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/blog\/diffusion-models-explained$/);
  await expect(page.locator('.prose iframe[src^="https://www.youtube"]')).toHaveAttribute('sandbox', /allow-scripts/);
});

test('the listing, with or without ?page=, is served from the page cache; the internal paths never leak', async ({ page, request }) => {
  for (const path of ['/en/blog', '/zh/blog?page=1']) {
    await request.get(path);
    const again = await request.get(path);
    expect(again.status(), path).toBe(200);
    expect(again.headers()['x-nextjs-cache'], path).toMatch(/^(HIT|STALE)$/);
  }
  // The cached page never leaks the internal path it was rendered under.
  await page.goto('/zh/blog?untranslated=diffusion-models-explained');
  await expect(page.getByRole('status')).toContainText('还没有中文版本');
  const english = page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' });
  await expect(english).toHaveAttribute('href', '/en/blog');
  await english.click();
  await expect(page).toHaveURL(/\/en\/blog$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blog');
});

test('a post marked forceLinkToOtherLanguage shows its other version prominently', async ({ page }) => {
  await page.goto('/en/blog/welcome-to-qiao');
  const link = page.getByRole('complementary').getByRole('link', { name: /Read in Chinese/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/zh\/blog\/welcome-to-qiao$/);
  await expect(page.locator('.prose figure img')).toBeVisible();
  await expect(page.locator('.prose figure figcaption')).toBeVisible();
});

test('/ picks the language from Accept-Language', async ({ browser }) => {
  // Chromium derives Accept-Language from the context's locale.
  for (const [browserLocale, expected] of [
    ['zh-CN', /\/zh$/],
    ['en-GB', /\/en$/],
  ] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(expected);
    await context.close();
  }
});

test.describe('search', () => {
  test('finds Chinese words inside longer unspaced text', async ({ page }) => {
    await page.goto('/zh/search');
    await page.getByRole('searchbox', { name: '搜索文章' }).fill('微调');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/zh\/search\?q=/);
    await expect(page.getByText(/找到 \d+ 条与“微调”相关的结果/)).toBeVisible();
    await expect(page.getByRole('link', { name: /LoRA 微调/ })).toBeVisible();
  });

  test('results come from the page cache, and the switcher keeps the search without showing its internal address', async ({ page, request }) => {
    const path = '/zh/search?q=LoRA';
    await request.get(path);
    const again = await request.get(path);
    expect(again.headers()['x-nextjs-cache']).toMatch(/^(HIT|STALE)$/);
    // Without JavaScript the link goes to the English search page (the query string is not part
    // of a cached page), never to the internal address.
    expect(await again.text()).toContain('href="/en/search"');
    expect(await again.text()).not.toContain('href="/en/search-results');
    await page.goto(path);
    await expect(page.getByRole('link', { name: /LoRA 微调/ })).toBeVisible();
    const english = page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' });
    await expect(english).toHaveAttribute('href', '/en/search?q=LoRA');
    await english.click();
    await expect(page).toHaveURL(/\/en\/search\?q=LoRA$/);
    await expect(page.getByRole('searchbox', { name: 'Search posts' })).toHaveValue('LoRA');
    await expect(page.getByRole('link', { name: /Fine-Tuning a Language Model with LoRA/ }).first()).toBeVisible();
    // Back to where the reader was.
    await page.goBack();
    await expect(page).toHaveURL(/\/zh\/search\?q=LoRA$/);
    await expect(page.getByRole('link', { name: /LoRA 微调/ })).toBeVisible();
  });


  test('finds English posts and answers nonsense with an empty result', async ({ page }) => {
    await page.goto('/en/search?q=diffusion');
    await expect(page.getByRole('link', { name: /diffusion/i }).first()).toBeVisible();
    await page.goto(`/en/search?q=${encodeURIComponent('\'); DROP TABLE "Post"; -- .* (a|b)+$ \\')}`);
    await expect(page.getByText(/No results for/)).toBeVisible();
    const long = await page.goto(`/en/search?q=${'x'.repeat(10_000)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByText('Only the first 200 characters')).toBeVisible();
  });
});

test.describe('bad addresses are a 404, never a 500', () => {
  for (const path of [
    '/xx/blog',
    '/zh-CN',
    '/en/blog/no-such-post',
    '/en/tags/no-such-tag',
    '/en/authors/nobody',
    '/en/blog?page=999',
    '/en/blog?page=abc',
    '/en/blog?page=-1',
    '/zh/nothing/here',
  ]) {
    test(path, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    });
  }

  test('the 404 page speaks the visitor’s language', async ({ page }) => {
    await page.goto('/zh/blog/no-such-post');
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await page.goto('/en/blog/no-such-post');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a post page is complete', async ({ page }) => {
    await page.goto('/zh/blog/fine-tuning-with-lora');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('微调');
    await expect(page.locator('.prose table').first()).toBeVisible();
    await expect(page.locator('.prose .katex').first()).toBeVisible();
    await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/blog\/fine-tuning-with-lora$/);
  });
});
