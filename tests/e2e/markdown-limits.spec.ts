import { expect, test, type Page } from '@playwright/test';
import { createUser, signIn, uniqueIp } from './support/accounts';
import { createEnglishPost } from './support/translation';

// A volunteer's text built to be slow to parse (an outside test froze the whole server for
// seconds with the editor's preview) is refused with a message, the server keeps answering, and
// nothing typed is lost.

const BODY = ['## Heading', 'A first paragraph.', 'A second paragraph.'].join('\n\n');
const SLOW = '*_'.repeat(16_000);

const T = {
  en: { block: 'Block 2 of 3, paragraph', preview: 'Preview', edit: 'Side by side', refused: /This text is too complex to render/, tooComplex: /Too complex to check or render/, saved: /^Saved / },
  zh: { block: '第 2 段，共 3 段，段落', preview: '预览', edit: '对照编辑', refused: /这段文本过于复杂，无法渲染/, tooComplex: /过于复杂，无法检查或渲染/, saved: /^已于 .+ 保存$/ },
} as const;

/** The slowest answer of /api/health while `work` runs, polled one request at a time. */
async function slowestHealth(page: Page, work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = Date.now();
    expect((await page.request.get('/api/health')).ok()).toBe(true);
    slowest = Math.max(slowest, Date.now() - started);
  }
  return slowest;
}

for (const locale of ['zh', 'en'] as const) {
  const t = T[locale];
  test(`a block too complex to render is refused in ${locale}, the server answers meanwhile, and the text stays`, async ({ browser }) => {
    test.setTimeout(120_000);
    const volunteer = await createUser('VOLUNTEER');
    const title = `Slow text ${Math.random().toString(36).slice(2, 8)}`;
    await createEnglishPost({ title, body: BODY });
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const page = await context.newPage();
    await signIn(page, volunteer, { locale, callbackUrl: `/${locale}/translate` });
    await page.getByRole('button', { name: new RegExp(title) }).click();
    await expect(page).toHaveURL(/\/translate\/[\w-]+$/);

    const block = page.getByRole('textbox', { name: t.block });
    await block.fill(SLOW);
    // The editor's own check gives up on it without freezing the page.
    await expect(page.getByText(t.tooComplex).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible({ timeout: 15_000 });

    await page.getByRole('tab', { name: t.preview }).click();
    const refusal = expect(page.getByText(t.refused)).toBeVisible({ timeout: 30_000 });
    // Rendering it on the request thread took seconds; the health check must not wait for it.
    expect(await slowestHealth(page, refusal)).toBeLessThan(1000);

    await page.reload();
    await expect(page.getByRole('textbox', { name: t.block })).toHaveValue(SLOW);
    await context.close();
  });
}
