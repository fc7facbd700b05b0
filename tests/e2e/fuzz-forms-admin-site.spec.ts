import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createUser } from './support/accounts';
import { createEnglishPost } from './support/translation';
import { hasNul } from './support/payloads';
import { type Address, encode, FORM_SAMPLE, fuzzForm, type Locale, look, NASTIEST, NUL_MESSAGE, pool, posted, type Probe, problems, session, show, SMALL_SAMPLE, submitAsIs, watch } from './support/fuzz';

// A fixed sample of hostile strings through the admin's site settings, users, publishing and lists (support/fuzz.ts).

test.describe('fuzzing the forms of every role', () => {
  // Hundreds of form posts: about a minute and a half alone, twice that beside another test.
  test.describe.configure({ timeout: 300_000 });

  test('admins: site settings, users, post publishing, thumbnails, the original’s editor and every list’s query', async ({
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const admin = await session(browser, 'ADMIN');
    const failures: string[] = [];
    let posts = 0;
    const add = (r: { failures: string[]; posts: number }) => {
      failures.push(...r.failures);
      posts += r.posts;
    };
    // The settings are one row every page and the site-settings spec read: a version that never
    // matches runs every check and then refuses to save, so nothing here changes what they see.
    add(
      await fuzzForm(admin, origin, {
        name: 'site settings',
        locale: 'zh',
        path: '/zh/admin/settings',
        selector: 'form:has([name="tagline"])',
        valid: () => ({ version: '2147483647' }),
      }),
    );

    const target = await createUser('VOLUNTEER');
    const users = `/en/admin/users?q=${encodeURIComponent(target.email)}`;
    add(
      await fuzzForm(admin, origin, {
        name: 'user role',
        locale: 'en',
        path: users,
        selector: `form:has(input[name="userId"][value="${target.id}"]):has([name="role"])`,
        fields: ['userId', 'role'],
        payloads: NASTIEST,
      }),
    );
    add(
      await fuzzForm(admin, origin, {
        name: 'user status',
        locale: 'en',
        path: users,
        selector: `form:has(input[name="userId"][value="${target.id}"]):has([name="disabled"])`,
        fields: ['userId', 'disabled'],
        payloads: NASTIEST,
      }),
    );

    const post = await createEnglishPost({ title: `Fuzz post ${randomUUID().slice(0, 8)}`, body: 'A body.' });
    const list = `/zh/admin/posts?q=${post.slug}`;
    add(
      await fuzzForm(admin, origin, {
        name: 'publishing',
        locale: 'zh',
        path: list,
        selector: 'form:has(input[name="version"]):not(:has([name="at"]))',
        fields: ['id', 'version'],
        payloads: NASTIEST,
      }),
    );
    // Unpublished, the post has a schedule form.
    await submitAsIs(admin, origin, list, 'form:has(input[name="version"]):not(:has([name="at"]))');
    add(
      await fuzzForm(admin, origin, {
        name: 'schedule',
        locale: 'zh',
        path: list,
        selector: 'form:has([name="at"])',
        fields: ['at', 'timeZone', 'id', 'version'],
      }),
    );
    add(
      await fuzzForm(admin, origin, {
        name: 'thumbnail',
        locale: 'en',
        path: `/en/admin/posts/${post.slug}/thumbnail`,
        selector: 'form:has([name="slug"])',
        fields: ['slug'],
        payloads: NASTIEST,
      }),
    );

    // Signed-in pages' own query parameters, for the roles that see them.
    const probes: Probe[] = [];
    const pages: Address[] = [
      ['admin posts', (l, v) => `/${l}/admin/posts?q=${v}&status=${v}&lang=${v}&tz=${v}`],
      ['admin posts ?page', (l, v) => `/${l}/admin/posts?page=${v}`],
      ['admin users', (l, v) => `/${l}/admin/users?q=${v}`],
      ['admin audit', (l, v) => `/${l}/admin/audit?action=${v}`],
      ['admin events', (l, v) => `/${l}/admin/events?q=${v}`],
      ['admin tags', (l, v) => `/${l}/admin/tags?q=${v}&page=${v}`],
      ['admin channels', (l, v) => `/${l}/admin/channels?saved=${v}`],
      ['admin directory', (l, v) => `/${l}/admin/directory?saved=${v}&deleted=${v}`],
      ['glossary', (l, v) => `/${l}/admin/glossary?edit=${v}`],
      ['review queue', (l, v) => `/${l}/review?published=${v}&lang=${v}`],
      ['translate', (l, v) => `/${l}/translate?lang=${v}&page=${v}&submitted=${v}`],
      ['admin post pages', (l, v) => `/${l}/admin/posts/${v}/edit`],
      ['admin event pages', (l, v) => `/${l}/admin/events/${v}/edit`],
    ];
    FORM_SAMPLE.forEach((payload, i) => {
      const locale: Locale = i % 2 ? 'zh' : 'en';
      for (const [label, at] of pages)
        probes.push({
          label: `${label} ${show(payload.value)}`,
          url: new URL(at(locale, encode(payload.value)), baseURL),
          shown: [payload.value],
        });
    });
    await pool(probes, 4, async (probe) => {
      const response = await admin.context.request.get(probe.url.href);
      failures.push(...problems(probe.label, await posted(response), probe.shown));
      if (/%00/i.test(probe.url.pathname + probe.url.search) && response.status() !== 400)
        failures.push(`${probe.label}: a NUL got ${response.status()}, not 400`);
    });

    // The original's editor saves JSON through a server action: typed into, in a browser.
    const js = await session(browser, admin.account, true);
    let current = '';
    watch(js.page, failures, () => `source editor ${show(current)}`);
    await js.page.goto(`/en/admin/posts/${post.slug}/edit`);
    for (const payload of SMALL_SAMPLE) {
      current = payload.value;
      await js.page.getByLabel('Title', { exact: true }).fill(`Fuzz ${payload.value.slice(0, 200)}`);
      await js.page.getByLabel('Body (Markdown)').fill(payload.value);
      await js.page.getByRole('button', { name: 'Save', exact: true }).click();
      if (hasNul(payload.value)) await expect(js.page.getByText(NUL_MESSAGE.en).first()).toBeVisible();
      else await expect(js.page.getByText(/^Saved\.|not valid|too long|required/).first()).toBeVisible();
    }
    await look(js, [
      `/en/blog/${post.slug}`,
      '/zh/admin/posts',
      `/en/admin/users?q=${encodeURIComponent(target.email)}`,
      '/zh/admin/settings',
      '/en/admin/audit',
    ]);

    failures.push(...admin.dialogs, ...js.dialogs);
    expect(failures).toEqual([]);
    expect(posts + probes.length).toBeGreaterThan(300);
    await Promise.all([admin.context.close(), js.context.close()]);
  });
});
