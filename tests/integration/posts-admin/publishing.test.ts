import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('../translation/support')).mockedSession(await importOriginal()));
const revalidated = vi.hoisted(() => ({ paths: [] as string[], tags: [] as string[] }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: (path: string) => void revalidated.paths.push(path),
  revalidateTag: (tag: string) => void revalidated.tags.push(tag),
}));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { getPublishedPost } from '@/lib/dal/posts';
import { cancelSchedule, publishLocalization, PublishError, scheduleLocalization, unpublishLocalization } from '@/lib/dal/post-publishing';
import { cancelScheduleAction, publishLocalizationAction, scheduleLocalizationAction, unpublishLocalizationAction } from '@/lib/actions/posts-admin';
import { as, createUser } from '../translation/support';
import { makePost, removeRunPosts, versionOf } from './support';

let admin: CurrentUser;
let reviewer: CurrentUser;
let volunteer: CurrentUser;
const HOUR = 3_600_000;

beforeAll(async () => {
  [admin, reviewer, volunteer] = await Promise.all([createUser('ADMIN', 'Publisher'), createUser('REVIEWER', 'Reviewer'), createUser('VOLUNTEER', 'Volunteer')]);
});
beforeEach(() => {
  revalidated.paths.length = 0;
  revalidated.tags.length = 0;
});
afterAll(removeRunPosts);

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

const audits = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, data: true } });

describe('an admin', () => {
  it('unpublishes a post: its page is gone at once, in every language switcher too, and publishing brings it back', async () => {
    const post = await makePost('toggle', { en: { title: 'Toggle', body: 'Text.' }, zh: { title: '切换', body: '正文。' } });
    const en = await versionOf(post.id, 'en');
    const firstDate = en.publishedAt!;

    const result = await as(admin, () => unpublishLocalizationAction(null, form({ id: en.id, version: en.version })));
    expect(result).toEqual({ ok: true });
    expect(await getPublishedPost(post.slug, 'en')).toMatchObject({ kind: 'untranslated', locale: 'zh' });
    const zh = await getPublishedPost(post.slug, 'zh');
    expect(zh.kind === 'found' && zh.post.alternates).toEqual([]);
    expect(revalidated.tags).toContain('posts');
    expect(revalidated.paths).toEqual(expect.arrayContaining([`/en/blog/${post.slug}`, `/zh/blog/${post.slug}`, '/sitemap.xml', '/feed/en/rss.xml', '/[locale]/(public)/search-results/[page]/[query]']));
    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'UNPUBLISHED', version: en.version + 1, publishedAt: firstDate });

    await as(admin, () => publishLocalizationAction(null, form({ id: en.id, version: en.version + 1 })));
    // Back in its old place: a republished version keeps the date it first went public.
    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'PUBLISHED', version: en.version + 2, publishedAt: firstDate });
    expect((await getPublishedPost(post.slug, 'en')).kind).toBe('found');

    expect(await audits(en.id)).toEqual([
      { action: 'post.unpublish', actorId: admin.id, data: { slug: post.slug, locale: 'en', from: 'published', to: 'unpublished' } },
      { action: 'post.publish', actorId: admin.id, data: { slug: post.slug, locale: 'en', from: 'unpublished', to: 'published', publishedAt: firstDate.toISOString() } },
    ]);
  });

  it('publishes a draft now, dating a post that was never public', async () => {
    const post = await makePost('draft', { en: { title: 'Draft', body: 'Text.', published: false }, publishedAt: null });
    const en = await versionOf(post.id, 'en');
    const before = Date.now();
    await as(admin, () => publishLocalization(en.id, en.version));
    const row = await versionOf(post.id, 'en');
    expect(row.status).toBe('PUBLISHED');
    expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { publishedAt: true } })).publishedAt).toEqual(row.publishedAt);
  });

  it('schedules in a chosen time zone, reschedules, publishes a scheduled version early, and cancels a schedule', async () => {
    const post = await makePost('schedule', { en: { title: 'Later', body: 'Text.', published: false } });
    const en = await versionOf(post.id, 'en');
    // 09:30 in Shanghai (UTC+8, no DST) is 01:30 UTC.
    const result = await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: '2031-05-06T09:30', timeZone: 'Asia/Shanghai' })));
    expect(result).toEqual({ ok: true });
    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'PUBLISHED', publishedAt: new Date('2031-05-06T01:30:00Z'), version: en.version + 1 });
    expect((await getPublishedPost(post.slug, 'en')).kind).toBe('missing');

    await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version + 1, at: '2031-05-06T09:30', timeZone: 'UTC' })));
    expect((await versionOf(post.id, 'en')).publishedAt).toEqual(new Date('2031-05-06T09:30:00Z'));

    await as(admin, () => cancelScheduleAction(null, form({ id: en.id, version: en.version + 2 })));
    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'UNPUBLISHED', publishedAt: null });

    await as(admin, () => scheduleLocalization(en.id, en.version + 3, new Date(Date.now() + HOUR), 'UTC'));
    await as(admin, () => publishLocalization(en.id, en.version + 4));
    const now = await versionOf(post.id, 'en');
    expect(now.status).toBe('PUBLISHED');
    expect(now.publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await getPublishedPost(post.slug, 'en')).kind).toBe('found');

    expect((await audits(en.id)).map((a) => [a.action, (a.data as { to: string }).to])).toEqual([
      ['post.schedule', 'scheduled'],
      ['post.schedule', 'scheduled'],
      ['post.unschedule', 'unpublished'],
      ['post.schedule', 'scheduled'],
      ['post.publish', 'published'],
    ]);
    expect((await audits(en.id))[0]!.data).toMatchObject({ timeZone: 'Asia/Shanghai', publishedAt: '2031-05-06T01:30:00.000Z' });
  });

  it('is told when the version changed since the page was loaded, and nothing is overwritten', async () => {
    const post = await makePost('stale', { en: { title: 'Stale', body: 'Text.' } });
    const en = await versionOf(post.id, 'en');
    // Someone else unpublished it meanwhile.
    await as(admin, () => unpublishLocalization(en.id, en.version));
    const auditsBefore = await db.auditLog.count();
    for (const call of [
      () => publishLocalization(en.id, en.version),
      () => scheduleLocalization(en.id, en.version, new Date(Date.now() + HOUR), 'UTC'),
    ]) {
      await expect(as(admin, call)).rejects.toEqual(new PublishError('stale'));
    }
    expect(await as(admin, () => publishLocalizationAction(null, form({ id: en.id, version: en.version })))).toMatchObject({ ok: false, formError: 'PostAdmin.errors.stale' });
    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'UNPUBLISHED', version: en.version + 1 });
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it('cannot publish an empty version, a time in the past, a time a DST change skips, or what its state does not allow', async () => {
    const post = await makePost('refusals', { en: { title: 'Empty', body: 'Text.', published: false }, zh: { title: '审校中', body: '正文。', published: false } });
    const en = await versionOf(post.id, 'en');
    await db.postLocalization.update({ where: { id: en.id }, data: { body: '  ' } });
    await expect(as(admin, () => publishLocalization(en.id, en.version))).rejects.toEqual(new PublishError('noContent'));
    await expect(as(admin, () => scheduleLocalization(en.id, en.version, new Date(Date.now() + HOUR), 'UTC'))).rejects.toEqual(new PublishError('noContent'));
    await expect(as(admin, () => scheduleLocalization(en.id, en.version, new Date(Date.now() - HOUR), 'UTC'))).rejects.toEqual(new PublishError('inPast'));
    expect(await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: '2020-01-01T10:00', timeZone: 'UTC' })))).toMatchObject({ ok: false, fieldErrors: { at: ['PostAdmin.errors.inPast'] } });
    // 02:30 on 14 March 2032 does not exist in New York; 01:30 on 7 November 2032 happens twice.
    expect(await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: '2032-03-14T02:30', timeZone: 'America/New_York' })))).toMatchObject({ ok: false, fieldErrors: { at: ['PostAdmin.errors.nonexistent'] } });
    expect(await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: '2032-11-07T01:30', timeZone: 'America/New_York' })))).toMatchObject({ ok: false, fieldErrors: { at: ['PostAdmin.errors.ambiguous'] } });
    expect(await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: '2032-11-07T01:30', timeZone: 'Mars/Olympus' })))).toMatchObject({ ok: false, fieldErrors: { timeZone: ['PostAdmin.errors.unknownZone'] } });
    expect(await as(admin, () => scheduleLocalizationAction(null, form({ id: en.id, version: en.version, at: 'soon', timeZone: 'UTC' })))).toMatchObject({ ok: false, fieldErrors: { at: ['PostAdmin.errors.atInvalid'] } });

    // A version in review belongs to the reviewers; a public one cannot be published twice.
    const zh = await versionOf(post.id, 'zh');
    await db.postLocalization.update({ where: { id: zh.id }, data: { status: 'IN_REVIEW' } });
    await expect(as(admin, () => publishLocalization(zh.id, zh.version))).rejects.toEqual(new PublishError('notAllowed'));
    await expect(as(admin, () => unpublishLocalization(zh.id, zh.version))).rejects.toEqual(new PublishError('notAllowed'));
    await expect(as(admin, () => cancelSchedule(zh.id, zh.version))).rejects.toEqual(new PublishError('notAllowed'));
    expect(await as(admin, () => publishLocalizationAction(null, form({ id: 'no-such-id', version: 1 })))).toMatchObject({ ok: false, formError: 'PostAdmin.errors.notFound' });

    expect(await versionOf(post.id, 'en')).toMatchObject({ status: 'DRAFT', version: en.version });
    expect(await versionOf(post.id, 'zh')).toMatchObject({ status: 'IN_REVIEW', version: zh.version });
    expect(await audits(en.id)).toEqual([]);
  });
});

const outsiders: [string, () => CurrentUser | null, string, string][] = [
  ['a visitor', () => null, 'UNAUTHENTICATED', 'FormErrors.unauthenticated'],
  ['a volunteer', () => volunteer, 'FORBIDDEN', 'FormErrors.forbidden'],
  ['a reviewer', () => reviewer, 'FORBIDDEN', 'FormErrors.forbidden'],
];

describe.each(outsiders)('%s', (_label, who, code, key) => {
  it('is refused by every publishing function and action, and nothing changes', async () => {
    const post = await makePost('outsider', { en: { title: 'Mine', body: 'Text.' }, zh: { title: '我的', body: '正文。', published: false } });
    const en = await versionOf(post.id, 'en');
    const zh = await versionOf(post.id, 'zh');
    const snapshot = async () => ({ en: await versionOf(post.id, 'en'), zh: await versionOf(post.id, 'zh'), audit: await db.auditLog.count() });
    const before = await snapshot();
    const calls = [
      () => unpublishLocalization(en.id, en.version),
      () => publishLocalization(zh.id, zh.version),
      () => scheduleLocalization(zh.id, zh.version, new Date(Date.now() + HOUR), 'UTC'),
      () => cancelSchedule(zh.id, zh.version),
    ];
    for (const call of calls) await expect(as(who(), call)).rejects.toMatchObject({ code });
    const results = await as(who(), async () => [
      await unpublishLocalizationAction(null, form({ id: en.id, version: en.version })),
      await publishLocalizationAction(null, form({ id: zh.id, version: zh.version })),
      await scheduleLocalizationAction(null, form({ id: zh.id, version: zh.version, at: '2031-01-01T00:00', timeZone: 'UTC' })),
      await cancelScheduleAction(null, form({ id: zh.id, version: zh.version })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, formError: key });
    expect(await snapshot()).toEqual(before);
    expect(revalidated.paths).toEqual([]);
  });
});
