import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import pg from 'pg';
import { createUser, signIn, uniqueIp } from './support/accounts';
import { allPayloads, hasNul } from './support/payloads';
import { createEnglishPost } from './support/translation';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

for (const locale of ['en', 'zh'] as const) {
  test(`RSS and Atom feeds for ${locale} parse and list the posts`, async ({ request, page }) => {
    const rss = await request.get(`/feed/${locale}/rss.xml`);
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    const channel = parser.parse(await rss.text()).rss.channel;
    const items = asArray(channel.item);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { link: string }) => i.link.includes(`/${locale}/blog/`))).toBe(true);
    if (locale === 'zh') expect(items.some((i: { title: string }) => i.title.includes('微调'))).toBe(true);

    const atom = await request.get(`/feed/${locale}/atom.xml`);
    const feed = parser.parse(await atom.text()).feed;
    expect(asArray(feed.entry).length).toBe(items.length);

    await page.goto(`/${locale}/blog`);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      new RegExp(`/feed/${locale}/rss.xml$`),
    );
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      'href',
      new RegExp(`/feed/${locale}/atom.xml$`),
    );
  });
}

test('the sitemap lists every published version with its alternates', async ({ request }) => {
  const res = await request.get('/sitemap.xml');
  expect(res.ok()).toBe(true);
  const urls = asArray(parser.parse(await res.text()).urlset.url) as { loc: string; 'xhtml:link'?: unknown }[];
  const lora = urls.find((u) => u.loc.endsWith('/zh/blog/fine-tuning-with-lora'));
  expect(lora).toBeDefined();
  const links = asArray(lora!['xhtml:link'] as { '@hreflang': string; '@href': string }[]);
  expect(links.map((l) => l['@hreflang']).sort()).toEqual(['en', 'zh-CN']);
  // An English-only post has no Chinese URL and no Chinese alternate.
  expect(urls.some((u) => u.loc.endsWith('/zh/blog/diffusion-models-explained'))).toBe(false);
  expect(urls.some((u) => u.loc.endsWith('/en/blog/diffusion-models-explained'))).toBe(true);

  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain('Sitemap:');
});

// ------------------------------------------------------------ summaries and titles are text

// Summaries and titles are plain text, escaped on the pages. Readers show an RSS description and
// an Atom title or summary (type="html") as HTML: in a feed they must be escaped text too. The
// report's case: a Chinese translation whose first paragraph is `<img src=x onerror=alert(1)>` in
// backticks, shown as code on the page, came out of /feed/zh/atom.xml as an element.
const ISSUE_PAYLOAD = '<img src=x onerror=alert(1)>';
// Every string of the lists the fuzz test uses, one per line (PostgreSQL text cannot hold a NUL).
const CORPUS = allPayloads()
  .map((p) => p.value)
  .filter((v) => !hasNul(v))
  .join('\n');

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', cdataPropName: '#cdata', parseTagValue: false, trimValues: false });
type Field = string | { '#cdata'?: string; '#text'?: string };
const textOf = (field: Field | undefined) => (typeof field === 'string' ? field : (field?.['#cdata'] ?? field?.['#text'] ?? ''));
// What a reader would show, given text: XML carries no control character but tab and line ends,
// the replacement character stands for a lone surrogate, and line ends are read as \n.
const readable = (text: string) => text.toWellFormed().replace(/[^\t\n\r\u0020-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/\r\n?/g, '\n');

/** The HTML a reader would render for each field: the elements it makes, and the text it shows. */
async function asHtml(page: Page, fields: string[]) {
  return page.evaluate((htmls) =>
    htmls.map((html) => {
      const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
      return { elements: [...body.querySelectorAll('*')].map((e) => e.outerHTML.slice(0, 80)), text: body.textContent ?? '' };
    }),
  fields);
}

async function expectText(page: Page, label: string, fields: [string, string][]) {
  const rendered = await asHtml(page, fields.map(([html]) => html));
  rendered.forEach((r, i) => {
    expect(r.elements, `${label}: ${fields[i]![1].slice(0, 40)}`).toEqual([]);
    expect(r.text.replace(/\r\n?/g, '\n'), label).toBe(readable(fields[i]![1]));
  });
}

async function insertEvent(slug: string, summary: string) {
  const id = (label: string) => `e2e_${label}_${randomUUID().replace(/-/g, '')}`;
  const eventId = id('event');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Long past, so that it stays off the upcoming listing other tests read.
    await client.query(
      `INSERT INTO "Event" ("id", "slug", "type", "status", "startsAt", "endsAt", "timeZone", "mode", "publishAt", "updatedAt")
       VALUES ($1, $2, 'MEETUP', 'PUBLISHED', '2001-02-03T10:00:00Z', '2001-02-03T12:00:00Z', 'UTC', 'ONLINE', now(), now())`,
      [eventId, slug],
    );
    for (const [locale, title] of [['en', `Feed event <b>bold</b> ${slug}`], ['zh', `订阅活动 ${ISSUE_PAYLOAD} ${slug}`]]) {
      await client.query(`INSERT INTO "EventLocalization" ("id", "eventId", "locale", "title", "summary") VALUES ($1, $2, $3, $4, $5)`, [id('evloc'), eventId, locale, title, summary]);
    }
  } finally {
    await client.end();
  }
  return eventId;
}

test('feeds carry summaries and titles as text, whatever they hold: RSS, Atom and events in both languages', async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = randomUUID().slice(0, 8);
  const titles = { en: `Feed <script>alert(1)</script> & “quotes” ${stamp}`, zh: `订阅 ${ISSUE_PAYLOAD} ${stamp}` };
  const post = await createEnglishPost({
    title: titles.en,
    body: 'Any text.',
    summary: CORPUS,
    // Unpublished until the admin publishes it below, which refreshes the feeds.
    published: false,
    translations: [{ locale: 'zh', title: titles.zh, body: `\`${ISSUE_PAYLOAD}\`\n\n正文。` }],
  });
  const eventSlug = `e2e-feed-${stamp}`;
  const eventId = await insertEvent(eventSlug, CORPUS);

  // An admin publishes the post and cancels the event: each refreshes its feeds.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, await createUser('ADMIN'));
  await page.goto(`/en/admin/posts?q=${post.slug}`);
  const cell = page.locator(`tr[data-slug="${post.slug}"] td[data-locale="en"]`);
  await cell.locator('button', { hasText: 'Publish now' }).click();
  await expect(cell).toHaveAttribute('data-status', 'published');
  await page.goto(`/en/admin/events/${eventId}/cancel`);
  await page.getByRole('button', { name: 'Yes, cancel the event' }).click();
  await expect(page).toHaveURL(/cancelled=/);

  for (const locale of ['en', 'zh'] as const) {
    const summary = locale === 'en' ? CORPUS : ISSUE_PAYLOAD;
    const rss = xml.parse(await (await page.request.get(`/feed/${locale}/rss.xml`)).text()).rss.channel;
    const rssItem = asArray(rss.item as { link: string; title: Field; description: Field }[]).find((i) => i.link.endsWith(`/blog/${post.slug}`));
    expect(rssItem, `RSS ${locale}`).toBeDefined();
    await expectText(page, `RSS ${locale}`, [[textOf(rssItem!.title), titles[locale]], [textOf(rssItem!.description), summary]]);

    const atom = xml.parse(await (await page.request.get(`/feed/${locale}/atom.xml`)).text()).feed;
    const entry = asArray(atom.entry as { link: { '@href': string }; title: Field; summary: Field }[]).find((e) => asArray(e.link)[0]!['@href'].endsWith(`/blog/${post.slug}`));
    expect(entry, `Atom ${locale}`).toBeDefined();
    await expectText(page, `Atom ${locale}`, [[textOf(entry!.title), titles[locale]], [textOf(entry!.summary), summary]]);

    const events = xml.parse(await (await page.request.get(`/feed/${locale}/events.xml`)).text()).rss.channel;
    const eventItem = asArray(events.item as { link: string; title: Field; description: Field }[]).find((i) => i.link.endsWith(`/events/${eventSlug}`));
    expect(eventItem, `events ${locale}`).toBeDefined();
    await expectText(page, `events ${locale}`, [[textOf(eventItem!.description), CORPUS]]);
    expect((await asHtml(page, [textOf(eventItem!.title)]))[0]!.elements, `event title ${locale}`).toEqual([]);
  }
  await context.close();
});
