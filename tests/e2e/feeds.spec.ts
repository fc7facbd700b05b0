import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

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
