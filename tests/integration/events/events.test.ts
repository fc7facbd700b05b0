import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', () => import('./support').then((m) => m.mockSession()));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { getPublicEvent, listCalendarEvents, listEvents, listNewEvents, listSitemapEvents } from '@/lib/dal/events';
import { cancelEvent, createEvent, deleteEvent, duplicateEvent, getEventForEdit, listAdminEvents, updateEvent } from '@/lib/dal/events-admin';
import { loadDemoEvents } from '@/lib/dal/events-demo';
import { readDemoEvents } from '@/prisma/demo-events';
import { as, eventInput, person, unique } from './support';

let admin: CurrentUser;

const auditOf = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
const upcoming = (locale: 'en' | 'zh', extra: Partial<Parameters<typeof listEvents>[1]> = {}) =>
  listEvents(locale, { when: 'upcoming', type: null, attendance: null, page: 1, ...extra });

beforeAll(async () => {
  const row = await db.user.create({ data: { email: `${unique('admin')}@test.example`, role: 'ADMIN' }, select: { id: true } });
  admin = person('ADMIN', row.id);
});

describe('scheduling events', () => {
  it('publishes an event written in both languages to both listings, each in its own language', async () => {
    const input = eventInput();
    const { id, slug } = await as(admin, () => createEvent(input));
    const en = await upcoming('en');
    const zh = await upcoming('zh');
    expect(en.items.find((e) => e.slug === slug)).toMatchObject({ title: 'LoRA meetup', locale: 'en', locales: ['en', 'zh'] });
    expect(zh.items.find((e) => e.slug === slug)).toMatchObject({ title: 'LoRA 见面会', locale: 'zh' });
    const page = await getPublicEvent(slug, 'zh');
    expect(page?.html).toContain('<strong>微调</strong>');
    expect(page?.startsAt).toBe(input.startsAt.toISOString());
    expect(page?.timeZone).toBe('Asia/Shanghai');
    expect(page?.alternates).toEqual([{ locale: 'en', title: 'LoRA meetup' }]);
    expect(await auditOf(id)).toEqual([{ action: 'event.publish', actorId: admin.id }]);
    expect((await listSitemapEvents()).find((e) => e.slug === slug)?.locales).toEqual(['en', 'zh']);
    expect((await listCalendarEvents('en')).some((e) => e.slug === slug)).toBe(true);
    expect((await listNewEvents('en'))[0]?.slug).toBe(slug);
  });

  it('shows a one-language event to readers of the other language, in the language it has', async () => {
    const { slug } = await as(admin, () =>
      createEvent(eventInput({ localizations: [{ locale: 'zh', title: '只有中文的活动', summary: null, description: '' }] })),
    );
    const en = await upcoming('en');
    expect(en.items.find((e) => e.slug === slug)).toMatchObject({ title: '只有中文的活动', locale: 'zh', locales: ['zh'] });
  });

  it('keeps drafts private and shows a scheduled event from its publish time on, with no job runner', async () => {
    const draft = await as(admin, () => createEvent(eventInput({ status: 'DRAFT' })));
    const later = await as(admin, () => createEvent(eventInput({ status: 'SCHEDULED', publishAt: new Date(Date.now() + 3_600_000) })));
    const due = await as(admin, () => createEvent(eventInput({ status: 'SCHEDULED', publishAt: new Date(Date.now() + 1500) })));
    const slugs = async () => (await upcoming('en')).items.map((e) => e.slug);
    expect(await slugs()).not.toContain(draft.slug);
    expect(await slugs()).not.toContain(later.slug);
    expect(await slugs()).not.toContain(due.slug);
    expect(await getPublicEvent(due.slug, 'en')).toBeNull();
    await new Promise((r) => setTimeout(r, 1600));
    expect(await slugs()).toContain(due.slug);
    expect(await slugs()).not.toContain(later.slug);
    expect(await auditOf(later.id)).toEqual([{ action: 'event.schedule', actorId: admin.id }]);
    const row = (await as(admin, () => listAdminEvents(1, 'en'))).items.find((e) => e.id === due.id);
    expect(row).toMatchObject({ status: 'SCHEDULED', live: true });
  });

  it('lists upcoming events soonest first and past ones latest first, filtered by type and attendance', async () => {
    const type = 'COMPETITION';
    const soon = await as(admin, () => createEvent(eventInput({ type, mode: 'ONLINE' }, 24 * 400)));
    const sooner = await as(admin, () => createEvent(eventInput({ type, mode: 'HYBRID' }, 24 * 399)));
    const old = await as(admin, () => createEvent(eventInput({ type, mode: 'IN_PERSON' }, -24 * 400)));
    const older = await as(admin, () => createEvent(eventInput({ type, mode: 'IN_PERSON' }, -24 * 401)));
    const order = (items: { slug: string }[], wanted: string[]) => items.map((e) => e.slug).filter((s) => wanted.includes(s));
    expect(order((await upcoming('en', { type })).items, [soon.slug, sooner.slug])).toEqual([sooner.slug, soon.slug]);
    const past = await listEvents('en', { when: 'past', type, attendance: null, page: 1 });
    expect(order(past.items, [old.slug, older.slug])).toEqual([old.slug, older.slug]);
    const online = await upcoming('en', { type, attendance: 'online' });
    expect(order(online.items, [soon.slug, sooner.slug])).toEqual([sooner.slug, soon.slug]);
    const inPerson = await upcoming('en', { type, attendance: 'in-person' });
    expect(order(inPerson.items, [soon.slug, sooner.slug])).toEqual([sooner.slug]);
    expect((await upcoming('en', { type: 'TALK' })).items.some((e) => e.slug === soon.slug)).toBe(false);
  });

  it('refuses an edit based on an old version instead of overwriting, and bumps SEQUENCE on a saved change', async () => {
    const input = eventInput();
    const { id } = await as(admin, () => createEvent(input));
    const saved = await as(admin, () => updateEvent(id, 1, { ...input, city: 'Shanghai' }));
    expect(saved.slug).toBe(input.slug);
    await expect(as(admin, () => updateEvent(id, 1, { ...input, city: 'Shenzhen' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const row = await as(admin, () => getEventForEdit(id));
    expect(row).toMatchObject({ city: 'Shanghai', version: 2, sequence: 1 });
    const other = await as(admin, () => createEvent(eventInput()));
    await expect(as(admin, () => updateEvent(id, 2, { ...input, slug: other.slug }))).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
  });

  it('keeps a cancelled event visible, marked cancelled, with a higher SEQUENCE; an unseen one stays unseen', async () => {
    const { id, slug } = await as(admin, () => createEvent(eventInput()));
    await as(admin, () => cancelEvent(id));
    const page = await getPublicEvent(slug, 'en');
    expect(page).toMatchObject({ cancelled: true, sequence: 1 });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['event.publish', 'event.cancel']);

    const unseen = await as(admin, () => createEvent(eventInput({ status: 'SCHEDULED', publishAt: new Date(Date.now() + 3_600_000) })));
    await as(admin, () => cancelEvent(unseen.id));
    expect(await getPublicEvent(unseen.slug, 'en')).toBeNull();
  });

  it('duplicates an event as a private draft and deletes with an audit record', async () => {
    const { id, slug } = await as(admin, () => createEvent(eventInput()));
    const copy = await as(admin, () => duplicateEvent(id));
    expect(copy.slug).not.toBe(slug);
    expect(await as(admin, () => getEventForEdit(copy.id))).toMatchObject({ status: 'DRAFT', city: 'Beijing' });
    expect(await getPublicEvent(copy.slug, 'en')).toBeNull();
    await as(admin, () => deleteEvent(id));
    expect(await getPublicEvent(slug, 'en')).toBeNull();
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['event.publish', 'event.delete']);
  });
});

describe('untrusted input', () => {
  it('stores descriptions sanitized: scripts, handlers and javascript: links are inert', async () => {
    const description = [
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(2)">',
      '[click](javascript:alert(3))',
      '<a href="javascript:alert(4)">x</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<div style="position:fixed;inset:0" onclick="alert(5)">cover</div>',
    ].join('\n\n');
    const { slug } = await as(admin, () => createEvent(eventInput({ localizations: [{ locale: 'en', title: 'XSS', summary: null, description }] })));
    const html = (await getPublicEvent(slug, 'en'))!.html;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|style=/i);
    expect(html).toContain('cover');
  });

  it('refuses javascript: and plain http links even when the form is bypassed, and stores nothing', async () => {
    for (const url of ['javascript:alert(1)', 'http://example.com', 'data:text/html,<b>x</b>']) {
      const input = eventInput({ registrationUrl: url });
      await expect(as(admin, () => createEvent(input))).rejects.toThrow();
      expect(await db.event.findUnique({ where: { slug: input.slug! }, select: { id: true } })).toBeNull();
      const partner = eventInput({ partners: [{ name: 'Evil', url, logo: null }] });
      await expect(as(admin, () => createEvent(partner))).rejects.toThrow();
    }
  });
});

describe('the demo events', () => {
  it('load once, in both languages, and a second run writes nothing', async () => {
    const demo = readDemoEvents();
    expect(demo.length).toBeGreaterThanOrEqual(7);
    expect(demo.every((e) => e.input.localizations.length === 2)).toBe(true);
    await db.event.deleteMany({ where: { slug: { in: demo.map((e) => e.input.slug) } } });
    expect(await loadDemoEvents(demo, { kind: 'system', reason: 'seed' })).toBe(demo.length);
    expect(await loadDemoEvents(demo, { kind: 'system', reason: 'seed' })).toBe(0);
    const sprint = await getPublicEvent('jax-diffusers-sprint-beijing', 'zh');
    expect(sprint?.title).toContain('北京');
    // 14:00 in Beijing on 22 April 2023.
    expect(sprint?.startsAt).toBe('2023-04-22T06:00:00.000Z');
    // The listing is never empty: at least two demo events are still to come.
    const upcomingDemo = demo.filter((d) => d.input.endsAt.getTime() > Date.now());
    expect(upcomingDemo.length).toBeGreaterThanOrEqual(2);
    for (const d of upcomingDemo) expect(await getPublicEvent(d.input.slug, 'en')).not.toBeNull();
  });
});
