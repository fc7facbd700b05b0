import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { fuzzForm, look, NASTIEST, session, submitAsIs, watch } from './support/fuzz';

// A fixed sample of hostile strings through the admin's forms for events, channels, the directory and tags (support/fuzz.ts).

test.describe('fuzzing the forms of every role', () => {
  // Hundreds of form posts: about a minute and a half alone, twice that beside another test.
  test.describe.configure({ timeout: 300_000 });

  test('admins: events, channels, directory, tags and their list actions', async ({ browser, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const admin = await session(browser, 'ADMIN');
    const failures: string[] = [];
    let posts = 0;
    const add = (r: { failures: string[]; posts: number }) => {
      failures.push(...r.failures);
      posts += r.posts;
    };
    const stamp = randomUUID().slice(0, 8);
    // Drafts: fuzzed events never reach the public listings and feeds other specs read.
    const event = (i: number) => ({
      slug: `fuzz-${stamp}-${i}`,
      title_en: 'Fuzz event',
      timeZone: 'UTC',
      startsAt: '2099-01-01T10:00',
      endsAt: '2099-01-01T12:00',
      status: 'DRAFT',
      mode: 'ONLINE',
      type: 'OTHER',
    });
    add(
      await fuzzForm(admin, origin, {
        name: 'new event',
        locale: 'zh',
        path: '/zh/admin/events/new',
        selector: 'form:has([name="title_en"])',
        valid: event,
      }),
    );
    add(
      await fuzzForm(admin, origin, {
        name: 'new channel',
        locale: 'en',
        path: '/en/admin/channels/new',
        selector: 'form:has([name="descriptionEn"])',
        valid: () => ({ name: 'Fuzz channel', platform: 'OTHER' }),
      }),
    );
    add(
      await fuzzForm(admin, origin, {
        name: 'new directory entry',
        locale: 'zh',
        path: '/zh/admin/directory/new',
        selector: 'form:has([name="info"])',
        valid: (i) => ({ slug: `fuzz-${stamp}-${i}`, name: 'Fuzz entry', url: 'https://example.org/' }),
      }),
    );
    add(
      await fuzzForm(admin, origin, {
        name: 'new tag',
        locale: 'en',
        path: '/en/admin/tags/new',
        selector: 'form:has([name="labelEn"])',
        valid: (i) => ({ slug: `fuzz-${stamp}-${i}` }),
      }),
    );

    // The list actions, on records of this test's own (never on what other specs look at).
    const name = `Fuzz channel ${stamp}`;
    await submitAsIs(admin, origin, '/en/admin/channels/new', 'form:has([name="descriptionEn"])', { name, platform: 'OTHER' });
    for (const field of ['direction', 'hidden']) {
      add(
        await fuzzForm(admin, origin, {
          name: `channel ${field}`,
          locale: 'en',
          path: '/en/admin/channels',
          selector: `li[data-channel="${name}"] form:has([name="${field}"])`,
          fields: ['id', field],
          payloads: NASTIEST,
        }),
      );
    }
    add(
      await fuzzForm(admin, origin, {
        name: 'channel delete',
        locale: 'en',
        path: '/en/admin/channels',
        selector: `li[data-channel="${name}"] form:not(:has([name="direction"])):not(:has([name="hidden"]))`,
        fields: ['id'],
        payloads: NASTIEST,
      }),
    );
    const entry = `fuzz-${stamp}-entry`;
    await submitAsIs(admin, origin, '/zh/admin/directory/new', 'form:has([name="info"])', {
      slug: entry,
      name: 'Fuzz entry',
      url: 'https://example.org/',
    });
    for (const field of ['direction', 'hidden']) {
      add(
        await fuzzForm(admin, origin, {
          name: `directory ${field}`,
          locale: 'zh',
          path: '/zh/admin/directory',
          selector: `li[data-entry="${entry}"] form:has([name="${field}"])`,
          fields: ['id', field],
          payloads: NASTIEST,
        }),
      );
    }
    await admin.page.goto('/zh/admin/directory');
    const entryPages = await admin.page
      .locator(`li[data-entry="${entry}"] a[href*="/admin/directory/"]`)
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of entryPages) {
      // The edit form shares its schema with the new-entry form above: here its id and version.
      add(
        await fuzzForm(admin, origin, {
          name: `directory ${path}`,
          locale: 'zh',
          path,
          selector: 'form:has(input[name="id"])',
          fields: path.endsWith('/edit') ? ['id', 'version'] : ['id'],
          payloads: NASTIEST,
        }),
      );
    }
    expect(entryPages.length).toBeGreaterThan(0);

    await submitAsIs(admin, origin, '/en/admin/events/new', 'form:has([name="title_en"])', {
      ...event(-1),
      title_en: `Fuzz event ${stamp}`,
    });
    await admin.page.goto(`/en/admin/events?q=${stamp}`);
    const eventPages = await admin.page
      .locator('a[href*="/admin/events/"]')
      .evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /\/(edit|cancel|delete)$/.test(p)),
      );
    expect(eventPages.length).toBeGreaterThan(0);
    for (const path of new Set(eventPages)) {
      const edit = path.endsWith('/edit');
      add(
        await fuzzForm(admin, origin, {
          name: `event ${path}`,
          locale: 'en',
          path,
          selector: edit ? 'form:has([name="title_en"])' : 'form:has(input[name="id"])',
          fields: edit ? ['id', 'version'] : ['id'],
          payloads: NASTIEST,
        }),
      );
    }

    // What was stored, shown with script running: the admin lists and the public channels page.
    const js = await session(browser, admin.account, true);
    watch(js.page, failures, () => 'admin pages');
    await look(js, [
      '/en/admin/events',
      '/zh/admin/channels',
      '/en/admin/directory',
      `/en/admin/tags?q=fuzz-${stamp}`,
      '/zh/channels',
      '/en/channels',
    ]);

    failures.push(...admin.dialogs, ...js.dialogs);
    expect(failures).toEqual([]);
    expect(posts).toBeGreaterThan(300);
    await Promise.all([admin.context.close(), js.context.close()]);
  });

});
