import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createUser, signIn, uniqueIp } from './support/accounts';

// A visitor in Berlin looking at events in Beijing time sees both.
test.use({ timezoneId: 'Europe/Berlin' });

const T = {
  en: { upcoming: 'Upcoming', past: 'Past', cancelled: 'This event has been cancelled', newEvent: 'New event', create: 'Create event', gap: 'does not exist in the chosen time zone' },
  zh: { upcoming: '即将举行', past: '往期活动', cancelled: '本活动已取消', newEvent: '新建活动', create: '创建活动', gap: '所选时区不存在这个时间' },
} as const;

const NOT_AN_IMAGE = { en: 'The image could not be read.', zh: '无法读取该图片。' } as const;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() }, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await signIn(page, await createUser('ADMIN'));
  return page;
}

/** The fields of the server-rendered form that posts an event id (the confirmation page's). */
function formFields(html: string): Record<string, string> {
  const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*name="id"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries([...form.matchAll(/<input[^>]*?name="([^"]+)"(?:[^>]*?value="([^"]*)")?/g)].map((m) => [decode(m[1]!), decode(m[2] ?? '')]));
}

/** Wall-clock `YYYY-MM-DDTHH:mm:ss` in UTC, for events scheduled in the UTC zone. */
const utcWall = (date: Date) => date.toISOString().slice(0, 19);

async function fillEvent(page: Page, fields: { en?: string; zh?: string; zone: string; starts: string; ends: string; status?: string; publishAt?: string }) {
  if (fields.en) await page.locator('#title_en').fill(fields.en);
  if (fields.zh) await page.locator('#title_zh').fill(fields.zh);
  await page.locator('#timeZone').selectOption(fields.zone);
  // datetime-local inputs take their value from script too; this also allows seconds.
  const set = (id: string, value: string) => page.locator(id).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
  await set('#startsAt', fields.starts);
  await set('#endsAt', fields.ends);
  if (fields.status) await page.locator('#status').selectOption(fields.status);
  if (fields.publishAt) await set('#publishAt', fields.publishAt);
}

for (const locale of ['en', 'zh'] as const) {
  test(`visitors find upcoming and past events and their details (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/events`);
    await expect(page.getByRole('link', { name: T[locale].upcoming })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('head link[rel="alternate"][type="text/calendar"]')).toHaveAttribute('href', new RegExp(`/feed/${locale}/events.ics$`));
    await expect(page.locator('main article')).not.toHaveCount(0);
    await page.getByRole('link', { name: T[locale].past }).click();
    // The other language's link keeps the tab the visitor is on.
    const other = locale === 'en' ? { nav: 'Language', name: '中文', href: '/zh/events?when=past' } : { nav: '语言', name: 'English', href: '/en/events?when=past' };
    await expect(page.getByRole('navigation', { name: other.nav }).getByRole('link', { name: other.name })).toHaveAttribute('href', other.href);
    const sprint = page.getByRole('link', { name: locale === 'zh' ? /北京见面会/ : /Beijing meetup/ });
    await expect(sprint).toBeVisible();
    await sprint.click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/events/jax-diffusers-sprint-beijing$`));
    // 14:00 in Beijing is 08:00 in Berlin, on summer time (UTC+2) by 22 April.
    await expect(page.locator('aside')).toContainText('Asia/Shanghai');
    await expect(page.locator('aside')).toContainText(locale === 'en' ? '2:00' : '14:00');
    await expect(page.getByTestId('viewer-time')).toContainText('Europe/Berlin');
    await expect(page.getByTestId('viewer-time')).toContainText(locale === 'en' ? '8:00' : '08:00');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld).toMatchObject({ '@type': 'Event', startDate: '2023-04-22T14:00:00+08:00', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });

    const ics = await page.request.get(`/${locale}/events/jax-diffusers-sprint-beijing/calendar.ics`);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers()['content-disposition']).toContain('jax-diffusers-sprint-beijing.ics');
    const [entry] = parseCalendar(await ics.text());
    expect(entry!.event.startDate.toJSDate().toISOString()).toBe('2023-04-22T06:00:00.000Z');
    expect(String(entry!.vevent.getFirstPropertyValue('url'))).toMatch(new RegExp(`/${locale}/events/jax-diffusers-sprint-beijing$`));
  });

  test(`the calendar subscription and RSS feed list the published events (${locale})`, async ({ request }) => {
    const feed = await request.get(`/feed/${locale}/events.ics`);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseCalendar(await feed.text());
    const uids = events.map((e) => e.event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const course = events.find((e) => String(e.vevent.getFirstPropertyValue('url')).endsWith('/chatgpt-course-datawhale'));
    expect(course?.event.summary).toBe(locale === 'zh' ? '与 Datawhale 合办的 ChatGPT 开发者线上课程' : 'ChatGPT for developers — an online course with Datawhale');
    expect(course?.event.startDate.toJSDate().toISOString()).toBe('2023-05-22T11:30:00.000Z');

    const rss = new XMLParser().parse(await (await request.get(`/feed/${locale}/events.xml`)).text());
    const items = [rss.rss.channel.item].flat() as { link: string }[];
    expect(items.some((i) => i.link.endsWith(`/${locale}/events/winter-translation-sprint-2026`))).toBe(true);

    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain(`/${locale}/events/jax-diffusers-sprint-beijing</loc>`);
  });
}

test('an admin schedules an event in Chinese and English and it appears in both listings', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/zh/admin/events/new');
  const stamp = Date.now().toString(36);
  await fillEvent(page, { en: `Diffusers study group ${stamp}`, zh: `Diffusers 学习小组 ${stamp}`, zone: 'Asia/Shanghai', starts: '2027-02-06T19:00', ends: '2027-02-06T21:00', status: 'PUBLISHED' });
  await page.getByRole('button', { name: T.zh.create }).click();
  await expect(page).toHaveURL(/\/zh\/admin\/events\?saved=diffusers-study-group-/);
  await page.goto('/zh/events');
  await expect(page.getByRole('link', { name: `Diffusers 学习小组 ${stamp}` })).toBeVisible();
  await page.goto('/en/events');
  await expect(page.getByRole('link', { name: `Diffusers study group ${stamp}` })).toBeVisible();
});

test('the form explains a time that does not exist, in the admin’s language, and keeps what was typed', async ({ browser }) => {
  const page = await adminPage(browser);
  for (const locale of ['zh', 'en'] as const) {
    await page.goto(`/${locale}/admin/events/new`);
    await fillEvent(page, { en: 'Gap test', zone: 'America/New_York', starts: '2026-03-08T02:30', ends: '2026-03-08T05:00' });
    await page.getByRole('button', { name: T[locale].create }).click();
    const start = page.locator('#startsAt');
    await expect(start).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await start.getAttribute('aria-describedby'))!.split(' ')[0]!;
    await expect(page.locator(`#${errorId}`)).toContainText(T[locale].gap);
    await expect(page.locator('#title_en')).toHaveValue('Gap test');
    await expect(page.locator('#timeZone')).toHaveValue('America/New_York');
  }
});

test('a scheduled event appears by itself at its publish time', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await adminPage(browser);
  await page.goto('/en/admin/events/new');
  const title = `Scheduled talk ${Date.now().toString(36)}`;
  // Whole seconds, as the form takes them: the event goes live at exactly this instant.
  const publishAt = new Date(Math.floor((Date.now() + 15_000) / 1000) * 1000);
  await fillEvent(page, { en: title, zone: 'UTC', starts: '2027-03-01T10:00', ends: '2027-03-01T11:00', status: 'SCHEDULED', publishAt: utcWall(publishAt) });
  await page.getByRole('button', { name: T.en.create }).click();
  await expect(page).toHaveURL(/saved=/);
  await page.goto('/en/events');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await expect
    .poll(
      async () => {
        await page.goto('/en/events');
        return page.getByRole('link', { name: title }).count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(1);
  expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
});

test('cancelling shows on the page and in a new .ics with a higher SEQUENCE', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/en/admin/events/new');
  const title = `Cancel me ${Date.now().toString(36)}`;
  await fillEvent(page, { en: title, zone: 'Asia/Shanghai', starts: '2027-04-10T14:00', ends: '2027-04-10T16:00', status: 'PUBLISHED' });
  await page.getByRole('button', { name: T.en.create }).click();
  await expect(page).toHaveURL(/saved=/);
  const slug = new URL(page.url()).searchParams.get('saved')!;
  const before = parseCalendar(await (await page.request.get(`/en/events/${slug}/calendar.ics`)).text())[0]!;
  expect(before.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');

  await page.getByRole('row', { name: new RegExp(title) }).getByRole('link', { name: 'Cancel event' }).click();
  await page.getByRole('button', { name: 'Yes, cancel the event' }).click();
  await expect(page).toHaveURL(/cancelled=/);

  for (const locale of ['en', 'zh'] as const) {
    await page.goto(`/${locale}/events/${slug}`);
    await expect(page.getByText(T[locale].cancelled)).toBeVisible();
  }
  const after = parseCalendar(await (await page.request.get(`/zh/events/${slug}/calendar.ics`)).text())[0]!;
  expect(after.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  expect(after.event.uid).toBe(before.event.uid);
  expect(Number(after.vevent.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.vevent.getFirstPropertyValue('sequence')));
});

test('volunteers and visitors cannot reach the admin event pages or replay their actions', async ({ browser, baseURL }) => {
  // Same-origin like a real form post: Next refuses cross-origin action calls before they run.
  const origin = new URL(baseURL!).origin;
  const admin = await adminPage(browser);
  await admin.goto('/en/admin/events/new');
  const title = `Protected ${Date.now().toString(36)}`;
  await fillEvent(admin, { en: title, zone: 'Asia/Shanghai', starts: '2027-05-01T10:00', ends: '2027-05-01T12:00', status: 'PUBLISHED' });
  await admin.getByRole('button', { name: T.en.create }).click();
  await expect(admin).toHaveURL(/saved=/);
  const slug = new URL(admin.url()).searchParams.get('saved')!;
  await admin.getByRole('row', { name: new RegExp(title) }).getByRole('link', { name: 'Delete' }).click();
  await expect(admin).toHaveURL(/\/delete$/);
  const deleteUrl = new URL(admin.url()).pathname;
  // The admin's own delete form, as a browser without JavaScript would post it.
  const fields = formFields(await (await admin.request.get(deleteUrl)).text());
  expect(Object.keys(fields).some((k) => k.startsWith('$ACTION_'))).toBe(true);
  const id = deleteUrl.split('/')[4]!;
  const paths = ['/en/admin/events', '/en/admin/events/new', `/en/admin/events/${id}/edit`, `/en/admin/events/${id}/cancel`, deleteUrl];

  const volunteerContext = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const volunteer = await volunteerContext.newPage();
  await signIn(volunteer, await createUser('VOLUNTEER'));
  const visitorContext = await browser.newContext();
  for (const page of [volunteer, await visitorContext.newPage()]) {
    for (const path of paths) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
    }
    const replay = await page.request.post(deleteUrl, { multipart: fields, headers: { Origin: origin } });
    expect(replay.status()).toBeLessThan(500);
    const still = await page.request.get(`/en/events/${slug}`);
    expect(still.status()).toBe(200);
  }
  // The same post from the admin does delete it: the replays above were real action calls.
  const own = await admin.request.post(deleteUrl, { multipart: fields, headers: { Origin: origin } });
  expect(own.status()).toBeLessThan(500);
  await expect.poll(async () => (await admin.request.get(`/en/events/${slug}`)).status()).toBe(404);
});

test('the event pages and the admin form have no serious accessibility violations', async ({ browser }) => {
  // Six pages, one with a long list of time zones: axe needs more than the default 30 s here.
  test.setTimeout(120_000);
  const admin = await adminPage(browser);
  for (const path of ['/en/events', '/zh/events?when=past', '/zh/events/winter-translation-sprint-2026', '/en/events/dreambooth-hackathon-heywhale', '/zh/admin/events', '/en/admin/events/new']) {
    await admin.goto(path);
    const { violations } = await new AxeBuilder({ page: admin }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

for (const path of ['/en/events?page=abc', '/en/events?page=999', '/zh/events/no-such-event', '/en/events/no-such-event/calendar.ics', '/feed/xx/events.ics']) {
  test(`a bad events address is a 404, never a 500: ${path}`, async ({ request }) => {
    expect((await request.get(path)).status()).toBe(404);
  });
}

for (const locale of ['en', 'zh'] as const) {
  test(`an admin uploads an event cover and the event page shows it (${locale})`, async ({ browser }) => {
    const page = await adminPage(browser);
    const stamp = Date.now().toString(36);
    const slug = `cover-${locale}-${stamp}`;
    const title = locale === 'zh' ? `封面活动 ${stamp}` : `Cover event ${stamp}`;
    const dir = tmpdir();
    const good = path.join(dir, `cover-${stamp}.png`);
    const fake = path.join(dir, `fake-${stamp}.png`);
    await writeFile(good, await sharp({ create: { width: 64, height: 32, channels: 3, background: '#2a7' } }).png().toBuffer());
    await writeFile(fake, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('<html><script>alert(1)</script></html>')]));

    await page.goto(`/${locale}/admin/events/new`);
    await page.locator('#slug').fill(slug);
    await fillEvent(page, { ...(locale === 'zh' ? { zh: title } : { en: title }), zone: 'Asia/Shanghai', starts: '2027-04-01T19:00', ends: '2027-04-01T21:00', status: 'PUBLISHED' });
    // HTML named .png: refused in the admin's language, and what was typed stays.
    await page.locator('#coverFile').setInputFiles(fake);
    await page.getByRole('button', { name: T[locale].create }).click();
    await expect(page.locator('#coverFile-error')).toHaveText(NOT_AN_IMAGE[locale]);
    await expect(page.locator(`#title_${locale}`)).toHaveValue(title);

    await page.locator('#coverFile').setInputFiles(good);
    await page.getByRole('button', { name: T[locale].create }).click();
    await expect(page).toHaveURL(new RegExp(`saved=${slug}`));

    await page.goto(`/${locale}/events/${slug}`);
    const cover = page.getByRole('img', { name: title });
    await expect(cover).toBeVisible();
    const src = (await cover.getAttribute('src'))!;
    expect(src).toMatch(/^\/uploads\//);
    const image = await page.request.get(src);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toMatch(/^image\//);
    expect(new URL((await page.locator('meta[property="og:image"]').first().getAttribute('content'))!).pathname).toBe(src);
  });
}
