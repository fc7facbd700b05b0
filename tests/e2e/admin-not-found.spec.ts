import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createUser, signIn, uniqueIp } from './support/accounts';

// Anyone who is not an admin gets the ordinary 404 on an admin page, which must say nothing of the
// page: its title once came along in the streamed metadata ("Audit log · Qiao").

type Messages = Record<string, Record<string, unknown>>;
const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Messages;

// Every admin page, with the message of its title; an id that does not exist is still an admin page.
const PAGES: [string, string, string][] = [
  ['/admin', 'AdminHome', 'title'],
  ['/admin/audit', 'AuditLog', 'title'],
  ['/admin/users', 'AdminUsers', 'title'],
  ['/admin/posts', 'PostAdmin', 'title'],
  ['/admin/posts/welcome-to-qiao/edit', 'AdminPosts', 'editTitle'],
  ['/admin/posts/welcome-to-qiao/thumbnail', 'PostThumbnail', 'title'],
  ['/admin/events', 'EventAdmin', 'title'],
  ['/admin/events/new', 'EventAdmin', 'newEvent'],
  ['/admin/events/x/edit', 'EventAdmin', 'editEvent'],
  ['/admin/events/x/cancel', 'EventAdmin', 'cancel'],
  ['/admin/channels', 'ChannelAdmin', 'title'],
  ['/admin/channels/new', 'ChannelAdmin', 'newChannel'],
  ['/admin/directory', 'DirectoryAdmin', 'title'],
  ['/admin/directory/new', 'DirectoryAdmin', 'newEntry'],
  ['/admin/tags', 'TagAdmin', 'title'],
  ['/admin/tags/new', 'TagAdmin', 'newTag'],
  ['/admin/settings', 'SiteSettings', 'title'],
];

const count = (html: string, text: string) => html.split(text).length - 1;

async function notFoundHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(404);
  return response.text();
}

for (const locale of ['en', 'zh'] as const) {
  const m = messages(locale);
  for (const who of ['a volunteer', 'a signed-out visitor'] as const) {
    test(`${who} gets a 404 on every admin page in ${locale} that says no more than a missing page`, async ({ browser }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
      const page = await context.newPage();
      if (who === 'a volunteer') await signIn(page, await createUser('VOLUNTEER'), { locale });
      // The same 404 for a page that does not exist at all: what the visitor may see anyway.
      const baseline = await notFoundHtml(page.request, `/${locale}/no-such-page`);
      for (const [path, namespace, key] of PAGES) {
        const html = await notFoundHtml(page.request, `/${locale}${path}`);
        const title = String(m[namespace]![key]);
        // Words such as "Events" are in the site's own navigation too: only what the missing
        // page does not show counts.
        for (const text of [title, `${title} · `, String(m.AdminHome!.navLabel)]) {
          expect(count(html, text), `${path}: ${JSON.stringify(text)}`).toBe(count(baseline, text));
        }
        expect(html, path).toContain(String((m.NotFound as Record<string, string>).title));
      }
      await context.close();
    });
  }
}
