import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { createUser, signIn, uniqueIp, type Role } from './support/accounts';

// The site settings are one row per language that every page shows, and other specs run at the
// same time against the same server: these tests run one after another, change only what they
// check, and put back what they found (in `finally`, so a failure restores too). None of the
// other specs asserts the site title, tagline or footer links.
// Each test saves and restores through the admin page several times: more than the default 30 s
// on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

type Ui = 'en' | 'zh';
type Settings = { title: string; tagline: string; links: { label: string; url: string }[] };

const UI = {
  en: { language: { en: 'English', zh: 'Chinese' }, save: (l: string) => `Save the ${l} settings`, saved: 'Saved. Visitors see the new settings now.', title: 'Site title', tagline: 'Tagline', text: 'Text', address: 'Address', link: (n: number) => `Link ${n}`, remove: 'Remove this link' },
  zh: { language: { en: '英文', zh: '中文' }, save: (l: string) => `保存${l}设置`, saved: '已保存，访客现在看到的就是新设置。', title: '站点名称', tagline: '标语', text: '文字', address: '地址', link: (n: number) => `链接 ${n}`, remove: '删除此链接' },
} as const;

async function signedIn(browser: Browser, role: Role, ui: Ui, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser(role), { locale: ui });
  if (options.javaScriptEnabled === false) {
    // Signing in needs no script either, but the helper is shared: carry its session over.
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState(), extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    await context.close();
    return noJs.newPage();
  }
  return page;
}

function settingsForm(page: Page, ui: Ui, content: 'en' | 'zh'): Locator {
  return page.getByRole('form', { name: UI[ui].language[content] });
}

async function readForm(page: Page, ui: Ui, content: 'en' | 'zh'): Promise<Settings> {
  await page.goto(`/${ui}/admin/settings`);
  const form = settingsForm(page, ui, content);
  const links: Settings['links'] = [];
  for (let n = 1; ; n++) {
    const row = form.getByRole('group', { name: UI[ui].link(n), exact: true });
    if ((await row.count()) === 0) break;
    const label = await row.getByLabel(UI[ui].text).inputValue();
    const url = await row.getByLabel(UI[ui].address).inputValue();
    if (label || url) links.push({ label, url });
  }
  return { title: await form.getByLabel(UI[ui].title).inputValue(), tagline: await form.getByLabel(UI[ui].tagline).inputValue(), links };
}

/** Fills in one language's form from scratch and saves it. */
async function saveForm(page: Page, ui: Ui, content: 'en' | 'zh', settings: Settings) {
  await page.goto(`/${ui}/admin/settings`);
  const form = settingsForm(page, ui, content);
  await form.getByLabel(UI[ui].title).fill(settings.title);
  await form.getByLabel(UI[ui].tagline).fill(settings.tagline);
  for (let n = 1; ; n++) {
    const row = form.getByRole('group', { name: UI[ui].link(n), exact: true });
    if ((await row.count()) === 0) break;
    const link = settings.links[n - 1];
    await row.getByLabel(UI[ui].text).fill(link?.label ?? '');
    await row.getByLabel(UI[ui].address).fill(link?.url ?? '');
  }
  await form.getByRole('button', { name: UI[ui].save(UI[ui].language[content]) }).click();
  await expect(form.getByRole('status')).toHaveText(UI[ui].saved);
}

/** Polls a visitor's page until `check` passes: the new settings show on the next render. */
async function visit(page: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 20_000 });
}

test('an admin changes the Chinese tagline and footer links; visitors to /zh see them, /en is unchanged', async ({ browser }) => {
  const admin = await signedIn(browser, 'ADMIN', 'en');
  const original = { en: await readForm(admin, 'en', 'en'), zh: await readForm(admin, 'en', 'zh') };
  const tag = randomUUID().slice(0, 8);
  const changed: Settings = {
    ...original.zh,
    tagline: `连接社区的新标语 ${tag}`,
    links: [
      { label: `社区守则 ${tag}`, url: 'https://github.com/huggingface/blog' },
      { label: `本站频道 ${tag}`, url: '/zh/channels' },
    ],
  };
  try {
    await saveForm(admin, 'en', 'zh', changed);

    const visitor = await browser.newPage();
    const footer = visitor.getByRole('contentinfo');
    await visit(visitor, '/zh', async () => {
      await expect(footer).toContainText(changed.tagline, { timeout: 1000 });
    });
    await expect(visitor.getByRole('main')).toContainText(changed.tagline);
    await expect(visitor.locator('head meta[name="description"]')).toHaveAttribute('content', changed.tagline);
    const links = footer.getByRole('navigation', { name: '链接' }).getByRole('link');
    await expect(links).toHaveText([changed.links[0]!.label, changed.links[1]!.label]);
    await expect(links.first()).toHaveAttribute('href', 'https://github.com/huggingface/blog');
    await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(links.nth(1)).toHaveAttribute('href', '/zh/channels');
    await links.nth(1).click();
    await expect(visitor).toHaveURL(/\/zh\/channels$/);

    await visitor.goto('/en');
    await expect(footer).toContainText(original.en.tagline);
    await expect(visitor.locator('body')).not.toContainText(tag);
    await visitor.close();
  } finally {
    await saveForm(admin, 'en', 'zh', original.zh);
  }
});

test('a title with markup is shown as text, never run', async ({ browser }) => {
  const admin = await signedIn(browser, 'ADMIN', 'zh');
  const original = await readForm(admin, 'zh', 'en');
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ${randomUUID().slice(0, 8)}`;
  try {
    await saveForm(admin, 'zh', 'en', { ...original, title: payload });

    const visitor = await browser.newPage();
    const dialogs: string[] = [];
    visitor.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await visit(visitor, '/en/blog', async () => {
      await expect(visitor.getByRole('banner').getByRole('link', { name: payload })).toBeVisible({ timeout: 1000 });
    });
    await expect(visitor).toHaveTitle(`Blog · ${payload}`);
    await expect(visitor.getByRole('contentinfo')).toContainText(payload);
    await expect(visitor.locator('img[src="x"]')).toHaveCount(0);
    expect(await visitor.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await visitor.close();
  } finally {
    await saveForm(admin, 'zh', 'en', original);
  }
});

test('a save based on a stale page is refused in the admin’s language and keeps what was typed', async ({ browser }) => {
  const first = await signedIn(browser, 'ADMIN', 'zh');
  const original = await readForm(first, 'zh', 'zh');
  const second = await first.context().newPage();
  await second.goto('/zh/admin/settings');
  const tag = randomUUID().slice(0, 8);
  try {
    await saveForm(first, 'zh', 'zh', { ...original, tagline: `先保存的标语 ${tag}` });

    const form = settingsForm(second, 'zh', 'zh');
    await form.getByLabel('标语').fill(`后保存的标语 ${tag}`);
    await form.getByRole('group', { name: '链接 1', exact: true }).getByLabel('文字').fill(`我的链接 ${tag}`);
    await form.getByRole('group', { name: '链接 1', exact: true }).getByLabel('地址').fill('/zh/events');
    await form.getByRole('button', { name: '保存中文设置' }).click();
    await expect(form.getByRole('alert')).toContainText('有人保存了该语言的设置');
    await expect(form.getByLabel('标语')).toHaveValue(`后保存的标语 ${tag}`);
    await expect(form.getByRole('group', { name: '链接 1', exact: true }).getByLabel('文字')).toHaveValue(`我的链接 ${tag}`);

    const stored = await readForm(first, 'zh', 'zh');
    expect(stored.tagline).toBe(`先保存的标语 ${tag}`);
    expect(stored.links).toEqual(original.links);
  } finally {
    await saveForm(first, 'zh', 'zh', original);
  }
});

test('without JavaScript, an admin adds, reorders and removes footer links', async ({ browser }) => {
  const admin = await signedIn(browser, 'ADMIN', 'en', { javaScriptEnabled: false });
  const original = await readForm(admin, 'en', 'en');
  const tag = randomUUID().slice(0, 8);
  const [a, b] = [`First ${tag}`, `Second ${tag}`];
  const visitor = await browser.newPage();
  const footerLinks = () => visitor.getByRole('contentinfo').getByRole('navigation', { name: 'Links' }).getByRole('link');
  try {
    await saveForm(admin, 'en', 'en', { ...original, links: [...original.links, { label: a, url: '/en/blog' }, { label: b, url: 'https://example.org/' }] });
    const n = original.links.length + 1;
    const form = settingsForm(admin, 'en', 'en');
    await form.getByRole('button', { name: `Move down: link ${n}` }).click();
    await expect(form.getByRole('status')).toHaveText('Link moved. Save to keep the new order.');
    await expect(form.getByRole('group', { name: `Link ${n}`, exact: true }).getByLabel('Text')).toHaveValue(b);
    await expect(form.getByRole('group', { name: `Link ${n + 1}`, exact: true }).getByLabel('Text')).toHaveValue(a);
    await form.getByRole('button', { name: 'Save the English settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved. Visitors see the new settings now.');
    await visit(visitor, '/en', async () => {
      await expect(footerLinks().filter({ hasText: tag })).toHaveText([b, a], { timeout: 1000 });
    });

    // A bad address is refused on its own field, in the admin's language, with the text kept.
    await form.getByRole('group', { name: `Link ${n + 2}`, exact: true }).getByLabel('Text').fill('Bad');
    await form.getByRole('group', { name: `Link ${n + 2}`, exact: true }).getByLabel('Address').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Save the English settings' }).click();
    const bad = form.getByRole('group', { name: `Link ${n + 2}`, exact: true }).getByLabel('Address');
    await expect(bad).toHaveValue('javascript:alert(1)');
    await expect(bad).toHaveAttribute('aria-invalid', 'true');
    await expect(form).toContainText('Enter an https:// address or a path on this site starting with /.');

    await bad.fill('');
    await form.getByRole('group', { name: `Link ${n + 2}`, exact: true }).getByLabel('Text').fill('');
    await form.getByRole('group', { name: `Link ${n}`, exact: true }).getByLabel('Remove this link').check();
    await form.getByRole('button', { name: 'Save the English settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved. Visitors see the new settings now.');
    await visit(visitor, '/en', async () => {
      await expect(footerLinks().filter({ hasText: tag })).toHaveText([a], { timeout: 1000 });
    });
  } finally {
    await visitor.close();
    await saveForm(admin, 'en', 'en', original);
  }
});

test('the settings page has no serious accessibility violations, in either language', async ({ browser }) => {
  const admin = await signedIn(browser, 'ADMIN', 'en');
  for (const ui of ['en', 'zh'] as const) {
    await admin.goto(`/${ui}/admin/settings`);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(ui === 'en' ? 'Site settings' : '站点设置');
    const { violations } = await new AxeBuilder({ page: admin }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('volunteers, reviewers and visitors get a 404 for the settings page', async ({ browser }) => {
  for (const role of ['VOLUNTEER', 'REVIEWER'] as const) {
    const page = await signedIn(browser, role, 'zh');
    for (const path of ['/zh/admin/settings', '/en/admin/settings']) {
      expect((await page.goto(path))?.status(), `${role} ${path}`).toBe(404);
      await expect(page.getByRole('form')).toHaveCount(0);
    }
    await page.context().close();
  }
  const visitor = await browser.newPage();
  expect((await visitor.goto('/en/admin/settings'))?.status()).toBe(404);
  await visitor.close();
});
