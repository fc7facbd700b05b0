import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/dal/session', async (importOriginal) => (await import('../translation/support')).mockedSession(await importOriginal()));

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/dal/session';
import { upsertPostContent } from '@/lib/dal/content';
import { listPostsForAdmin, type AdminPostFilter, type AdminPostRow } from '@/lib/dal/posts-admin';
import { scheduleLocalization, unpublishLocalization } from '@/lib/dal/post-publishing';
import { as, createUser, translatedDraft } from '../translation/support';
import { makePost, removeRunPosts, RUN, versionOf } from './support';

let admin: CurrentUser;
let wei: CurrentUser;
const posts: Record<string, { id: string; slug: string }> = {};
const HOUR = 3_600_000;
const scheduledAt = new Date(Date.now() + 48 * HOUR);

beforeAll(async () => {
  [admin, wei] = await Promise.all([createUser('ADMIN', 'Lister'), createUser('VOLUNTEER', 'Wei')]);
  // Oldest first, so that the list (newest first) shows them in reverse.
  posts.translated = await makePost('translated', { en: { title: 'Both languages', body: 'One.\n\nTwo.' }, zh: { title: '两种语言', body: '一。\n\n二。' }, publishedAt: new Date('2026-01-01T00:00:00Z') });
  posts.inReview = await makePost('in-review', { en: { title: 'Under review', body: '# Diffusion in practice\n\nText.' }, publishedAt: new Date('2026-01-02T00:00:00Z') });
  posts.unpublished = await makePost('unpublished', { en: { title: 'Taken down', body: 'Text.' }, publishedAt: new Date('2026-01-03T00:00:00Z') });
  posts.draft = await makePost('draft', { en: { title: 'Only a draft', body: 'Text.', published: false }, publishedAt: null });
  posts.scheduled = await makePost('scheduled', { en: { title: 'Coming', body: 'Text.', published: false }, publishedAt: null });

  // The original changes after the translation was made: the translation is behind.
  await upsertPostContent(
    { slug: posts.translated.slug, sourceLocale: 'en', authors: [{ handle: `${RUN}-author` }], tags: [], localizations: [{ locale: 'en', title: 'Both languages', body: 'One, revised.\n\nTwo.', published: true }] },
    { kind: 'system', reason: 'seed' },
  );
  await translatedDraft(wei, posts.inReview.id, { texts: ['# 实践', '文本。'] });
  const gone = await versionOf(posts.unpublished.id, 'en');
  await as(admin, () => unpublishLocalization(gone.id, gone.version));
  const later = await versionOf(posts.scheduled.id, 'en');
  await as(admin, () => scheduleLocalization(later.id, later.version, scheduledAt, 'UTC'));
});
afterAll(removeRunPosts);

const list = (filter: AdminPostFilter = {}, viewer: 'en' | 'zh' = 'en') => as(admin, () => listPostsForAdmin(viewer, { q: RUN, ...filter }, 1));
const slugs = (rows: AdminPostRow[]) => rows.map((r) => r.slug);
const state = (row: AdminPostRow | undefined) => Object.fromEntries((row?.versions ?? []).map((v) => [v.locale, v.status]));

describe('the admin post list', () => {
  it('shows every post newest first, undated drafts on top, with each language version’s state', async () => {
    const page = await list();
    expect(page.total).toBe(5);
    // The scheduled post is dated by its schedule; the never-published draft has no date.
    expect(slugs(page.items)).toEqual([posts.draft!.slug, posts.scheduled!.slug, posts.unpublished!.slug, posts.inReview!.slug, posts.translated!.slug]);
    const row = (key: string) => page.items.find((r) => r.slug === posts[key]!.slug);
    expect(state(row('translated'))).toEqual({ en: 'published', zh: 'published' });
    expect(state(row('inReview'))).toEqual({ en: 'published', zh: 'inReview' });
    expect(state(row('unpublished'))).toEqual({ en: 'unpublished', zh: 'none' });
    expect(state(row('draft'))).toEqual({ en: 'draft', zh: 'none' });
    expect(state(row('scheduled'))).toEqual({ en: 'scheduled', zh: 'none' });

    expect(row('translated')!.versions.map((v) => v.behind)).toEqual([false, true]);
    expect(row('scheduled')!.versions[0]).toMatchObject({ publishedAt: scheduledAt.toISOString(), actions: ['publish', 'schedule', 'cancel'], isSource: true });
    expect(row('translated')!.versions[0]!.actions).toEqual(['unpublish']);
    expect(row('draft')!.versions[0]!.actions).toEqual(['publish', 'schedule']);
    // A translation still with the volunteers has no row to publish: only the review can.
    expect(row('inReview')!.versions[1]).toMatchObject({ row: null, actions: [], draft: { status: 'inReview', translator: 'Wei' } });
  });

  it('names a post in the viewer’s language when it has one', async () => {
    const zh = await list({}, 'zh');
    expect(zh.items.find((r) => r.slug === posts.translated!.slug)).toMatchObject({ title: '两种语言', titleLocale: 'zh' });
    expect(zh.items.find((r) => r.slug === posts.draft!.slug)).toMatchObject({ title: 'Only a draft', titleLocale: 'en' });
  });

  it('filters by state, language and text', async () => {
    expect(slugs((await list({ status: 'published', lang: 'zh' })).items)).toEqual([posts.translated!.slug]);
    expect(slugs((await list({ status: 'published' })).items)).toEqual([posts.inReview!.slug, posts.translated!.slug]);
    expect(slugs((await list({ status: 'scheduled' })).items)).toEqual([posts.scheduled!.slug]);
    expect(slugs((await list({ status: 'unpublished' })).items)).toEqual([posts.unpublished!.slug]);
    expect(slugs((await list({ status: 'draft' })).items)).toEqual([posts.draft!.slug]);
    expect(slugs((await list({ status: 'inReview' })).items)).toEqual([posts.inReview!.slug]);
    expect(slugs((await list({ status: 'behind' })).items)).toEqual([posts.translated!.slug]);
    expect(slugs((await list({ status: 'none', lang: 'zh' })).items)).toEqual([posts.draft!.slug, posts.scheduled!.slug, posts.unpublished!.slug]);
    expect((await list({ status: 'changesRequested' })).total).toBe(0);
    expect(slugs((await list({ q: '两种' })).items)).toContain(posts.translated!.slug);
    expect(slugs((await list({ q: posts.draft!.slug.toUpperCase() })).items)).toEqual([posts.draft!.slug]);
    // LIKE wildcards and quotes are plain text.
    for (const q of ['%', '_', "'; DROP TABLE \"Post\"; --", '\\']) expect((await list({ q: `${RUN}${q}` })).total).toBe(0);
    expect(await db.post.count({ where: { slug: { startsWith: RUN } } })).toBe(5);
  });

  it('is for admins only', async () => {
    await expect(as(wei, () => listPostsForAdmin('en', {}, 1))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(null, () => listPostsForAdmin('en', {}, 1))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
